package org.hn.node.doctor;

/**
 * {@code java}: the runtime's feature version, which must be 17 or newer.
 *
 * @param featureVersion e.g. 17 ({@code Runtime.version().feature()})
 * @param description    version, VM and architecture, for the report
 */
public record JavaVersionCheck(int featureVersion, String description) implements Check {

    /** The oldest supported Java feature version. */
    public static final int MINIMUM = 17;

    /** The running JVM. */
    public static JavaVersionCheck ofThisJvm() {
        return new JavaVersionCheck(Runtime.version().feature(), "Java " + Runtime.version() + " ("
                + System.getProperty("java.vm.name") + ", " + System.getProperty("os.arch") + ")");
    }

    @Override
    public String name() {
        return "java";
    }

    @Override
    public Finding run() {
        if (featureVersion < MINIMUM) {
            return Finding.fail(name(), description + " is older than Java " + MINIMUM,
                    "install Java 17 or newer ('sudo apt-get install openjdk-17-jre-headless')");
        }
        return Finding.ok(name(), description);
    }
}
