package io.sightline.store;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

class SqliteRepositoryTest extends RepositoryContract {

    private com.zaxxer.hikari.HikariDataSource dataSource;

    @Override
    protected Jdbc freshDatabase() throws Exception {
        Path dir = Files.createTempDirectory("sightline-store");
        dataSource = Database.sqlite(dir.resolve("test.db"));
        return new Jdbc(dataSource);
    }

    @AfterEach
    void close() {
        dataSource.close();
    }
}
