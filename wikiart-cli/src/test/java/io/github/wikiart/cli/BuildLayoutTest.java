package io.github.wikiart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The build's shape that users rely on: the BOM pins exactly the published modules at the
 * reactor's version; library modules declare no backend and no logging binding (the application
 * chooses both); the applications inherit the platform profiles; the distribution has launchers
 * for Unix and Windows.
 */
class BuildLayoutTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** Modules that are not published as library or CLI jars. */
    private static final Set<String> NOT_IN_BOM = Set.of("wikiart-bom", "wikiart-app-parent", "examples", "wikiart-bench");
    private static final List<String> LIBRARY = List.of("wikiart-config", "wikiart-data", "wikiart-models",
            "wikiart-train", "wikiart-viz", "wikiart-reports");
    private static final List<String> APPLICATIONS = List.of("wikiart-cli", "examples", "wikiart-bench");

    private static Document pom(String module) throws Exception {
        Path file = module.isEmpty() ? ROOT.resolve("pom.xml") : ROOT.resolve(module).resolve("pom.xml");
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static String child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }

    private static Element childElement(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> elements(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList list = parent.getElementsByTagName(name);
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    @Test
    void theBomPinsEveryPublishedModuleAtTheReactorVersion() throws Exception {
        Element root = pom("").getDocumentElement();
        Set<String> published = new TreeSet<>();
        for (Element m : elements(root, "module")) {
            if (!NOT_IN_BOM.contains(m.getTextContent().trim())) {
                published.add(m.getTextContent().trim());
            }
        }
        Element bom = pom("wikiart-bom").getDocumentElement();
        assertEquals(child(root, "version"), child(bom, "version"), "wikiart-bom's version must be the reactor's");
        Set<String> pinned = new TreeSet<>();
        for (Element d : elements(childElement(bom, "dependencyManagement"), "dependency")) {
            assertEquals("io.github.wikiart", child(d, "groupId"));
            assertEquals("${project.version}", child(d, "version"), child(d, "artifactId"));
            pinned.add(child(d, "artifactId"));
        }
        assertEquals(published, pinned, "wikiart-bom must list exactly the published modules");
        assertTrue(published.containsAll(LIBRARY), "every library module is published: " + published);
    }

    @Test
    void libraryModulesLeaveTheBackendAndTheLoggingBindingToTheApplication() throws Exception {
        for (String module : LIBRARY) {
            Element dependencies = childElement(pom(module).getDocumentElement(), "dependencies");
            for (Element d : dependencies == null ? List.<Element>of() : elements(dependencies, "dependency")) {
                String artifact = child(d, "artifactId");
                boolean test = "test".equals(child(d, "scope"));
                assertTrue(test || !(artifact.startsWith("nd4j-native") || artifact.startsWith("nd4j-cuda")
                        || artifact.equals("openblas") || artifact.equals("slf4j-simple")
                        || (artifact.equals("javacpp") && child(d, "classifier") != null)),
                        module + " must not depend on " + artifact + ": the application chooses it");
            }
        }
    }

    @Test
    void applicationsInheritThePlatformProfilesAndTheDistributionHasBothLaunchers() throws Exception {
        for (String module : APPLICATIONS) {
            Element parent = childElement(pom(module).getDocumentElement(), "parent");
            assertEquals("wikiart-app-parent", child(parent, "artifactId"), module + "'s parent");
        }
        Path bin = ROOT.resolve("wikiart-cli/src/dist/bin");
        assertTrue(Files.isExecutable(bin.resolve("wikiart")), "bin/wikiart must be executable");
        assertTrue(Files.readString(bin.resolve("wikiart.bat")).contains("io.github.wikiart.cli.Main"));
        assertTrue(Files.readString(bin.resolve("wikiart")).contains("io.github.wikiart.cli.Main"));
    }
}
