package io.complaintdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The indexes on Camunda's tables are there once the application has started, and recorded once. */
@SpringBootTest
@ActiveProfiles("test")
class EngineIndexesTests {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void subtaskLookupOfTaskCompletionIsIndexed() {
		Integer indexes = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_NAME = 'ACT_IDX_TASK_PARENT'"
						+ " AND TABLE_NAME = 'ACT_RU_TASK'",
				Integer.class);
		assertThat(indexes).isEqualTo(1);
		Integer applied = this.jdbc.queryForObject("SELECT COUNT(*) FROM \"" + EngineIndexes.HISTORY_TABLE
				+ "\" WHERE \"version\" = '1' AND \"success\" = TRUE", Integer.class);
		assertThat(applied).isEqualTo(1);
	}

	@Test
	void tasklistQueuesCanBeReadInQueueOrder() {
		Integer indexes = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_NAME = 'ACT_IDX_TASK_QUEUE_ORDER'"
						+ " AND TABLE_NAME = 'ACT_RU_TASK'",
				Integer.class);
		assertThat(indexes).isEqualTo(1);
		Integer applied = this.jdbc.queryForObject("SELECT COUNT(*) FROM \"" + EngineIndexes.HISTORY_TABLE
				+ "\" WHERE \"version\" = '3' AND \"success\" = TRUE", Integer.class);
		assertThat(applied).isEqualTo(1);
	}

}
