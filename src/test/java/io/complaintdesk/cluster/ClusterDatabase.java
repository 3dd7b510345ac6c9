package io.complaintdesk.cluster;

import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HexFormat;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database of its own on the local PostgreSQL ({@code 127.0.0.1:5432}, user {@code postgres},
 * trust authentication), created for one run of the cluster suite and dropped after it.
 */
final class ClusterDatabase implements AutoCloseable {

	private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

	static final String USER = "postgres";

	/** The nodes' time zone: the engine writes due dates as local times of it. */
	static final ZoneId NODE_ZONE = ZoneId.of("Asia/Shanghai");

	private final String name;

	private final JdbcTemplate jdbc;

	private ClusterDatabase(String name) {
		this.name = name;
		this.jdbc = new JdbcTemplate(new DriverManagerDataSource(url(), USER, ""));
	}

	static ClusterDatabase create() {
		byte[] random = new byte[5];
		new SecureRandom().nextBytes(random);
		String name = "cdcluster_" + HexFormat.of().formatHex(random);
		server().execute("CREATE DATABASE " + name);
		return new ClusterDatabase(name);
	}

	String url() {
		return SERVER + this.name;
	}

	JdbcTemplate jdbc() {
		return this.jdbc;
	}

	/** Now, as the nodes write times into {@code timestamp} columns (local time of their zone). */
	static LocalDateTime nodeNow() {
		return LocalDateTime.now(NODE_ZONE);
	}

	/** Drops the database, ending the connections the nodes (or a killed node) left. */
	@Override
	public void close() {
		server().execute("DROP DATABASE IF EXISTS " + this.name + " WITH (FORCE)");
	}

	private static JdbcTemplate server() {
		return new JdbcTemplate(new DriverManagerDataSource(SERVER + "postgres", USER, ""));
	}

}
