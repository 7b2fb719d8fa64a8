package dev.seedkit.junit;

import org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource;

/**
 * A value Seedkit puts in an {@code ExtensionContext.Store}, closed by JUnit when the store's scope ends, on every
 * supported JUnit version. JUnit 5.13 and later close stored {@link AutoCloseable}s; earlier versions close only
 * {@link CloseableResource}s (deprecated since 5.13, still honoured by 6.x). A value that is both is closed exactly
 * once: from 5.13 on JUnit checks for {@code AutoCloseable} first and stops there, and with
 * {@code junit.jupiter.extensions.store.close.autocloseable.enabled=false} it falls back to {@code CloseableResource}.
 * Implementations make {@link #close()} idempotent all the same, and throw only unchecked exceptions.
 */
@SuppressWarnings("deprecation") // CloseableResource is what JUnit 5.9 to 5.12 close
interface StoredResource extends CloseableResource, AutoCloseable {

    @Override
    void close();
}
