package dev.seedkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPostgres.class)
class ExternalPostgresTests {

    @Test
    void findsARunningServerByUrlAndUsesItsDatabase(TestDatabase db) throws Exception {
        db.execute("create table marker(id int); insert into marker values (42)");
        String url = db.jdbcUrl() + "?user=" + db.username() + "&password=" + db.password();
        try (PostgresServer server = PostgresServers.external(url, null, null)) {
            assertThat(server.defaultDatabase()).isEqualTo(db.name());
            assertThat(server.description()).startsWith("external PostgreSQL ").contains(":" + db.server().port());
            try (var c = server.connect(server.defaultDatabase()); var s = c.createStatement();
                 var rs = s.executeQuery("select id from marker")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
        assertThat(db.queryValue("select count(*) from marker")).as("closing a found server leaves it running")
                .isEqualTo("1");
    }

    @Test
    void anUnreachableServerIsReportedWithTheUrlButNeverThePassword() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/app?password=hunter2";
        assertThatThrownBy(() -> PostgresServers.external(url, "app", null))
                .isInstanceOf(PostgresServerException.class)
                .hasMessageContaining("127.0.0.1:" + closedPort)
                .hasMessageContaining("SEEDKIT_JDBC_URL")
                .hasMessageNotContaining("hunter2");
    }
}
