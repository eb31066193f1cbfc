package org.streamfront.sim;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Small DOM helpers for the CloudFront simulator, which keeps each config as the XML it was sent. */
final class SimXml {
    private SimXml() {
    }

    static Element parse(byte[] body) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
            return doc.getDocumentElement();
        } catch (Exception e) {
            throw new IllegalArgumentException("malformed XML: " + e.getMessage(), e);
        }
    }

    static String toString(Element element) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(element), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    /** Follows a path of child names, e.g. {@code path(config, "Origins", "Items")}. */
    static Element path(Element from, String... names) {
        Element at = from;
        for (String name : names) {
            at = child(at, name);
        }
        return at;
    }

    static String text(Element parent, String... names) {
        Element e = path(parent, names);
        return e == null ? null : e.getTextContent().trim();
    }

    static long number(Element parent, long fallback, String... names) {
        String t = text(parent, names);
        try {
            return t == null || t.isEmpty() ? fallback : Long.parseLong(t);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
