package org.streamfront.sim;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
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

    /**
     * The element as XML text, without a declaration. Written here rather than with an XSLT
     * transformer so that the installed runtime can leave XSLT and XPath out (about 2 MB); an element
     * taken out of its document keeps its default namespace.
     */
    static String toString(Element element) {
        StringBuilder out = new StringBuilder();
        write(element, out, element.getNamespaceURI() != null && !element.hasAttribute("xmlns"));
        return out.toString();
    }

    private static void write(Element element, StringBuilder out, boolean declareNamespace) {
        String name = element.getTagName();
        out.append('<').append(name);
        if (declareNamespace) {
            out.append(" xmlns=\"").append(escape(element.getNamespaceURI())).append('"');
        }
        var attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            out.append(' ').append(a.getName()).append("=\"").append(escape(a.getValue())).append('"');
        }
        if (!element.hasChildNodes()) {
            out.append("/>");
            return;
        }
        out.append('>');
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            switch (n.getNodeType()) {
                case Node.ELEMENT_NODE -> write((Element) n, out, false);
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> out.append(escape(n.getNodeValue()));
                default -> { } // comments and processing instructions carry nothing the API returns
            }
        }
        out.append("</").append(name).append('>');
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
