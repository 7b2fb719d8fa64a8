package dev.seedkit.core.importer;

import static dev.seedkit.core.importer.ImportScenario.execute;

import dev.seedkit.core.exporter.SnapshotExporter;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotLocation;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Two databases with one schema whose rows overlap by business key but not by id: A, exported with the exporter,
 * and B, imported into. The schema has a self-reference ({@code members.mentor_id}), a two-table cycle (teams and
 * their lead member), a composite key made of references ({@code assignments}) and a composite natural key holding
 * a reference ({@code tags (team_id, label)}).
 */
final class TwoDatabases {

    static final String SCHEMA = """
            create schema biz;
            create table biz.teams (id serial primary key, code text not null unique, name text not null,
                lead_id int);
            create table biz.members (id serial primary key, email text not null unique, name text not null,
                team_id int not null references biz.teams, mentor_id int references biz.members);
            alter table biz.teams add constraint teams_lead_fk foreign key (lead_id) references biz.members;
            create table biz.projects (id bigserial primary key, slug text not null unique,
                owner_id int not null references biz.members, title text);
            create table biz.assignments (project_id bigint references biz.projects,
                member_id int references biz.members, role text not null, primary key (project_id, member_id));
            create table biz.tags (id serial primary key, team_id int not null references biz.teams,
                label text not null, unique (team_id, label));
            """;

    /** A: three teams, five members mentoring each other, three projects, six assignments, four tags. */
    static final String A_ROWS = """
            insert into biz.teams values (1, 'core', 'Core', null), (2, 'web', 'Web', null), (3, 'data', 'Data', null);
            insert into biz.members values (1, 'ada@x', 'Ada', 1, null), (2, 'bob@x', 'Bob', 1, 1),
                (3, 'cy@x', 'Cy', 2, 2), (4, 'di@x', 'Di', 2, 3), (5, 'ed@x', 'Ed', 3, 1);
            update biz.teams set lead_id = 1 where id = 1;
            update biz.teams set lead_id = 3 where id = 2;
            insert into biz.projects values (1, 'alpha', 1, 'Alpha'), (2, 'beta', 3, 'Beta'), (3, 'gamma', 5, 'Gamma');
            insert into biz.assignments values (1, 1, 'lead'), (1, 2, 'dev'), (2, 3, 'lead'), (2, 4, 'dev'),
                (3, 5, 'lead'), (3, 1, 'advisor');
            insert into biz.tags values (1, 1, 'backend'), (2, 2, 'frontend'), (3, 1, 'infra'), (4, 3, 'ml');
            select setval('biz.teams_id_seq', 3), setval('biz.members_id_seq', 5), setval('biz.projects_id_seq', 3),
                setval('biz.tags_id_seq', 4);
            """;

    /**
     * B: teams web and core, members cy and ada, project beta, tag core/backend and assignment beta/cy under other
     * ids; rows of its own whose ids A uses for other entities (team 1, member 2, project 1).
     */
    static final String B_ROWS = """
            insert into biz.teams values (1, 'ops', 'Ops', null), (7, 'web', 'Web', null), (8, 'core', 'Core', null);
            insert into biz.members values (20, 'zed@x', 'Zed', 1, null), (21, 'cy@x', 'Cy', 7, null),
                (22, 'ada@x', 'Ada', 8, null), (2, 'yan@x', 'Yan', 1, 20);
            update biz.teams set lead_id = 20 where id = 1;
            update biz.teams set lead_id = 21 where id = 7;
            update biz.teams set lead_id = 22 where id = 8;
            insert into biz.projects values (1, 'omega', 20, 'Omega'), (5, 'beta', 21, 'Beta');
            insert into biz.assignments values (5, 21, 'lead');
            insert into biz.tags values (1, 8, 'backend'), (9, 1, 'oncall');
            select setval('biz.teams_id_seq', 8), setval('biz.members_id_seq', 22), setval('biz.projects_id_seq', 5),
                setval('biz.tags_id_seq', 9);
            """;

    /** Every reference, by business keys: what must be the same in A and in B after an import. */
    static final String BY_BUSINESS_KEY = """
            select 'team ' || t.code || ' ' || t.name || ' lead ' || coalesce(l.email, '-')
                from biz.teams t left join biz.members l on l.id = t.lead_id
            union all select 'member ' || m.email || ' ' || m.name || ' team ' || t.code || ' mentor '
                || coalesce(o.email, '-') from biz.members m join biz.teams t on t.id = m.team_id
                left join biz.members o on o.id = m.mentor_id
            union all select 'project ' || p.slug || ' ' || p.title || ' owner ' || m.email
                from biz.projects p join biz.members m on m.id = p.owner_id
            union all select 'assignment ' || p.slug || ' ' || m.email || ' ' || a.role from biz.assignments a
                join biz.projects p on p.id = a.project_id join biz.members m on m.id = a.member_id
            union all select 'tag ' || t.code || ' ' || g.label from biz.tags g join biz.teams t on t.id = g.team_id
            """;

    private final PostgresServer server;
    private final String a;
    private final String b;

    private TwoDatabases(PostgresServer server, String a, String b) {
        this.server = server;
        this.a = a;
        this.b = b;
    }

    static TwoDatabases create(PostgresServer server) throws SQLException {
        return new TwoDatabases(server, database(server, A_ROWS), database(server, B_ROWS));
    }

    private static String database(PostgresServer server, String rows) throws SQLException {
        String name = TestPostgres.newDatabase(server, "nk_");
        try (Connection c = server.connect(name)) {
            execute(c, SCHEMA + rows);
        }
        return name;
    }

    Connection a() throws SQLException {
        return server.connect(a);
    }

    Connection b() throws SQLException {
        return server.connect(b);
    }

    /** Exports every row of A into {@code directory} with the exporter and opens the snapshot. */
    Snapshot exportA(Path directory) throws SQLException {
        try (Connection c = a()) {
            SnapshotExporter.builder().rowsPerTable(1000).fixtureVersion("a-" + UUID.randomUUID()).build()
                    .export(c, directory);
        }
        return SnapshotLocation.directory(directory).open();
    }

    /** The references of the database behind {@code c}, by business key, sorted. */
    static TreeSet<String> byBusinessKey(Connection c) throws SQLException {
        TreeSet<String> lines = new TreeSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(BY_BUSINESS_KEY)) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        return lines;
    }

    /** The builder with every table's natural key declared (assignments has none: its key is two references). */
    static SnapshotImporter.Builder withNaturalKeys() {
        return SnapshotImporter.builder().naturalKey("biz.teams", "code").naturalKey("biz.members", "email")
                .naturalKey("biz.projects", "slug").naturalKey("biz.tags", "team_id", "label");
    }
}
