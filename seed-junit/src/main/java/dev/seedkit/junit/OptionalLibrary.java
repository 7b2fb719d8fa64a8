package dev.seedkit.junit;

import dev.seedkit.core.SeedException;

/** Checks that an optional library a ready-made initializer needs is on the test class path. */
final class OptionalLibrary {

    private OptionalLibrary() {
    }

    /** Throws a {@link SeedException} naming the dependency to add when {@code className} cannot be loaded. */
    static void require(String className, String library, String coordinates, Class<?> user) {
        try {
            Class.forName(className, false, user.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new SeedException(SeedException.Code.CONFIGURATION, user.getSimpleName() + " runs " + library
                    + ", which is not on the test class path: add the test dependency " + coordinates + ".", e);
        }
    }
}
