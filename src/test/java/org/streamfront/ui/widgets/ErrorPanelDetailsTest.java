package org.streamfront.ui.widgets;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.streamfront.aws.AwsErrors;
import org.streamfront.update.BuildInfo;

/** "Copy details" gives support what they ask first: the failure, the version, the OS and Java. */
class ErrorPanelDetailsTest {
    @Test
    void theDetailsNameTheFailureAndWhereItHappened() {
        var explained = AwsErrors.explain(new ConnectException("Connection refused"));
        String details = ErrorPanel.forSupport(explained);
        assertThat(details).startsWith(explained.summary()).contains(explained.detail())
                .contains("StreamFront " + BuildInfo.version()).contains(System.getProperty("os.name"))
                .contains("Java " + System.getProperty("java.version"));
    }
}
