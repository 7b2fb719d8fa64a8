package dev.seedkit.junit;

import java.util.List;

/**
 * A declaration with every default resolved: what to import ({@code request}), how to create the schema first
 * ({@code initScripts}, then {@code initializer}, which is {@code null} for none), the {@code isolation}, the
 * {@code server}, whether templates outlive the run ({@code keepTemplates}) and how many copies of each template
 * are made ahead of need ({@code readyClones}).
 */
record SeedSettings(SeedRequest request, List<String> initScripts, Class<? extends SchemaInitializer> initializer,
                    Isolation isolation, ServerSpec server, boolean keepTemplates, int readyClones) {

    SeedSettings {
        initScripts = List.copyOf(initScripts);
    }

    String origin() {
        return request.origin();
    }
}
