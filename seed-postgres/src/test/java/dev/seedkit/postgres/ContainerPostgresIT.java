package dev.seedkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerPort;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import dev.seedkit.postgres.testing.EnabledIfDocker;

@EnabledIfDocker
class ContainerPostgresIT {

    @Test
    void startsTheConfiguredImageAndAnswersQueriesOnLoopbackOnly() throws Exception {
        try (PostgresServer server = PostgresServers.container()) {
            assertThat(server.description()).startsWith("PostgreSQL container " + PostgresServers.containerImage());
            try (Connection c = server.connect(server.defaultDatabase()); Statement s = c.createStatement()) {
                s.execute("create table smoke(id int primary key, note text)");
                s.execute("insert into smoke values (1, 'from a container')");
                try (ResultSet rs = s.executeQuery("select note, version() from smoke")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("from a container");
                    assertThat(rs.getString(2)).startsWith("PostgreSQL ");
                }
            }
            List<ContainerPort> published = publishedPorts(server.port());
            assertThat(published).isNotEmpty().allSatisfy(p -> assertThat(p.getIp()).isEqualTo("127.0.0.1"));
        }
    }

    private static List<ContainerPort> publishedPorts(int hostPort) {
        List<Container> containers = DockerClientFactory.instance().client().listContainersCmd().exec();
        return containers.stream().flatMap(c -> Arrays.stream(c.getPorts()))
                .filter(p -> p.getPublicPort() != null && p.getPublicPort() == hostPort)
                .toList();
    }
}
