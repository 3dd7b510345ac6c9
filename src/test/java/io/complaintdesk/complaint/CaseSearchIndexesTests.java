package io.complaintdesk.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every column the search's "q" is matched against has an index (V9, V10), so the database can
 * answer the OR from indexes instead of reading every case (BENCHMARKS.md).
 */
@SpringBootTest
@ActiveProfiles("test")
class CaseSearchIndexesTests {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everyColumnTheSearchMatchesIsIndexed() {
		for (String column : new String[] { "CASE_NUMBER", "CUSTOMER_NAME", "CONTACT_PHONE", "PHONE_LAST4",
				"PRODUCT_CODE", "STORE_CODE" }) {
			Integer indexes = this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEX_COLUMNS WHERE TABLE_NAME = 'COMPLAINT'"
							+ " AND COLUMN_NAME = ? AND ORDINAL_POSITION = 1",
					Integer.class, column);
			assertThat(indexes).as("indexes on complaint.%s", column).isPositive();
		}
	}

}
