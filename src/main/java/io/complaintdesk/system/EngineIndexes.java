package io.complaintdesk.system;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Indexes on Camunda's own tables ({@code ACT_*}) that the engine needs at the desk's volumes
 * but does not create itself. They cannot go into {@code db/migration}: Spring Boot's Flyway runs
 * before the engine creates its tables on a fresh database. So they are migrations of their own,
 * {@code db/engine/V<n>__*.sql} with the history table {@code engine_index_history}, applied
 * once the application (and with it the engine and its schema) has started; each statement is
 * idempotent ({@code CREATE INDEX IF NOT EXISTS}), so a database that has the index already is
 * left alone.
 */
@Component
class EngineIndexes {

	static final String HISTORY_TABLE = "engine_index_history";

	private final DataSource dataSource;

	EngineIndexes(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Order(Ordered.HIGHEST_PRECEDENCE)
	@EventListener(ApplicationStartedEvent.class)
	void migrate() {
		Flyway.configure()
			.dataSource(this.dataSource)
			.locations("classpath:db/engine")
			.table(HISTORY_TABLE)
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load()
			.migrate();
	}

}
