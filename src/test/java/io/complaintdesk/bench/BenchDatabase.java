package io.complaintdesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A fresh, empty database for one benchmark run: an H2 file database under {@code target/bench}
 * (the production default) or a PostgreSQL database {@code cdbench_*} that the run creates and
 * drops.
 */
abstract class BenchDatabase implements AutoCloseable {

	abstract String name();

	abstract String url();

	abstract String user();

	abstract String password();

	/** Server version, for the results' header. */
	abstract String version();

	static BenchDatabase create(String kind, BenchOptions options) {
		return switch (kind) {
			case "h2" -> new H2();
			case "postgres" -> new Postgres(options);
			default -> throw new IllegalArgumentException("bench.databases: unknown database " + kind);
		};
	}

	static final class H2 extends BenchDatabase {

		private final Path directory;

		H2() {
			this.directory = Path.of("target", "bench", "h2-" + System.currentTimeMillis()).toAbsolutePath();
			try {
				Files.createDirectories(this.directory);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		String name() {
			return "H2";
		}

		@Override
		String url() {
			// the options of application.yaml's default data source
			return "jdbc:h2:file:" + this.directory.resolve("complaint-desk") + ";LOCK_TIMEOUT=10000";
		}

		@Override
		String user() {
			return "sa";
		}

		@Override
		String password() {
			return "";
		}

		@Override
		String version() {
			return "H2 " + org.h2.engine.Constants.VERSION + " (file)";
		}

		@Override
		public void close() {
			try (Stream<Path> files = Files.walk(this.directory)) {
				files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	static final class Postgres extends BenchDatabase {

		private final BenchOptions options;

		private final String database;

		Postgres(BenchOptions options) {
			this.options = options;
			this.database = "cdbench_" + System.currentTimeMillis();
			admin("CREATE DATABASE " + this.database);
		}

		@Override
		String name() {
			return "PostgreSQL";
		}

		@Override
		String url() {
			return this.options.postgresUrl() + this.database;
		}

		@Override
		String user() {
			return this.options.postgresUser();
		}

		@Override
		String password() {
			return this.options.postgresPassword();
		}

		@Override
		String version() {
			try (Connection connection = DriverManager.getConnection(url(), user(), password())) {
				return "PostgreSQL " + connection.getMetaData().getDatabaseProductVersion();
			}
			catch (SQLException ex) {
				return "PostgreSQL (version unknown: " + ex.getMessage() + ")";
			}
		}

		@Override
		public void close() {
			if (this.options.keepDatabase()) {
				ThroughputBenchmark.log("PostgreSQL: database %s kept (-Dbench.keep-database); drop it with psql when done",
						this.database);
				return;
			}
			admin("DROP DATABASE IF EXISTS " + this.database + " WITH (FORCE)");
		}

		private void admin(String sql) {
			try (Connection connection = DriverManager.getConnection(this.options.postgresUrl() + "postgres",
					this.options.postgresUser(), this.options.postgresPassword());
					Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
			catch (SQLException ex) {
				throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
			}
		}

	}

}
