package arq.flightdeck;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The packaged EAR, with test classes added to its web module. */
final class Deployments {
    static final String CONTEXT_ROOT = "/web-api";
    private static final String APPLICATION_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <application xmlns="https://jakarta.ee/xml/ns/jakartaee" version="10">
              <initialize-in-order>true</initialize-in-order>
              <module><ejb>ejb-core.jar</ejb></module>
              <module><web><web-uri>web-api.war</web-uri><context-root>/web-api</context-root></web></module>
              <library-directory>lib</library-directory>
            </application>
            """;
    private Deployments() {
    }

    /** The EAR with classes added to the EJB module (beside the beans that fire events). */
    static EnterpriseArchive earWithEjbClasses(Class<?>[] ejbClasses, Class<?>... testClasses) {
        EnterpriseArchive ear = ear(testClasses);
        ear.getAsType(JavaArchive.class, "ejb-core.jar").addClasses(ejbClasses);
        return ear;
    }

    static EnterpriseArchive ear(Class<?>... testClasses) {
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class,
                new File(System.getProperty("arq.ear", "target/flightdeck.ear")));
        // Arquillian addresses its runner servlet under the web module's name, so the test
        // deployment serves the application at /web-api rather than at the root.
        ear.setApplicationXML(new StringAsset(APPLICATION_XML));
        WebArchive war = ear.getAsType(WebArchive.class, "web-api.war");
        war.addClasses(testClasses);
        war.addAsLibrary(jarOf(org.assertj.core.api.Assertions.class));
        return ear;
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
