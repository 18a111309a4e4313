package io.sightline.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sqlite.SQLiteConfig;

/** Opens the embedded SQLite database (WAL, foreign keys, busy timeout) and applies migrations. */
public final class Database {

    private Database() {}

    public static HikariDataSource sqlite(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create " + file.getParent() + ": " + e.getMessage(), e);
        }
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        sqlite.enforceForeignKeys(true);
        // SQLite has one writer at a time; waiting beats failing with SQLITE_BUSY under the job workers.
        sqlite.setBusyTimeout(30_000);
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);

        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlite:" + file.toAbsolutePath());
        config.setDataSourceProperties(sqlite.toProperties());
        config.setMaximumPoolSize(6);
        config.setPoolName("sightline-sqlite");
        HikariDataSource dataSource = new HikariDataSource(config);
        Migrations.apply(new Jdbc(dataSource), "sqlite");
        return dataSource;
    }
}
