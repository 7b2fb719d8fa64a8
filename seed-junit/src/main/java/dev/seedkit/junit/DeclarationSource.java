package dev.seedkit.junit;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Where a test class's {@link SeedDeclaration} comes from: annotations, or a {@link SeedkitExtension} builder. */
@FunctionalInterface
interface DeclarationSource {

    /** A declaration found for a test class, and whether it belongs to that class rather than an enclosing one. */
    record Found(SeedDeclaration declaration, boolean onThisClass) {
    }

    /** The declaration that applies to the class of {@code classContext}, if any. */
    Optional<Found> find(ExtensionContext classContext);
}
