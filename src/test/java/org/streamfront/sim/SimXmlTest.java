package org.streamfront.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The simulator answers Get*Config with the XML it was sent: what goes in must come back out. */
class SimXmlTest {
    private static final String NS = "http://cloudfront.amazonaws.com/doc/2020-05-31/";

    @Test
    void aConfigComesBackAsItWasSentWithItsNamespaceAndItsEscapes() {
        String sent = "<DistributionConfig xmlns=\"" + NS + "\"><CallerReference>a&amp;b &lt;c&gt;</CallerReference>"
                + "<Comment/><Origins><Quantity>1</Quantity></Origins></DistributionConfig>";
        assertThat(SimXml.toString(SimXml.parse(sent.getBytes(StandardCharsets.UTF_8)))).isEqualTo(sent);
    }

    @Test
    void anElementTakenOutOfItsDocumentKeepsItsNamespace() {
        String sent = "<DistributionConfig xmlns=\"" + NS + "\"><Origins><Quantity>1</Quantity></Origins></DistributionConfig>";
        var origins = SimXml.child(SimXml.parse(sent.getBytes(StandardCharsets.UTF_8)), "Origins");
        String written = SimXml.toString(origins);
        assertThat(written).isEqualTo("<Origins xmlns=\"" + NS + "\"><Quantity>1</Quantity></Origins>");
        assertThat(SimXml.parse(written.getBytes(StandardCharsets.UTF_8)).getNamespaceURI()).isEqualTo(NS);
    }
}
