package io.complaintdesk.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Masked contact details (POLICY §9): recognisable, not usable. */
class ContactMaskingTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "13912345678 | 139****5678", "139 1234 5678 | 139****5678",
			"021-62345678 | 021****5678", "0571-87023456 | 057*****3456", "+86 139 1234 5678 | 861******5678",
			"(010) 6528-1234 | 010****1234" })
	void shouldKeepFirstThreeAndLastFourDigitsOfAPhoneNumber(String phone, String masked) {
		assertThat(ContactMasking.phone(phone)).isEqualTo(masked);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "6234567890 | ********90", "62345678 | ******78", "12345 | ****45",
			"110 | ****0" })
	void shouldKeepOnlyTheLastDigitsOfAShortNumber(String phone, String masked) {
		assertThat(ContactMasking.phone(phone)).isEqualTo(masked);
	}

	@Test
	void shouldShowTheFirstSixCharactersOfAnAddress() {
		assertThat(ContactMasking.address("上海市浦东新区张杨路1000号")).isEqualTo("上海市浦东新****");
		assertThat(ContactMasking.address("  88 Century Avenue, Shanghai ")).isEqualTo("88 Cen****");
		// six characters or fewer: the whole address would show, so only its first half does
		assertThat(ContactMasking.address("南京市秦淮区")).isEqualTo("南京市****");
		assertThat(ContactMasking.address("")).isEqualTo("****");
	}

	@Test
	void shouldShowTheFirstCharacterAndTheDomainOfAnEmail() {
		assertThat(ContactMasking.email("zhang.wei@example.com")).isEqualTo("z***@example.com");
		assertThat(ContactMasking.email("w@example.com")).isEqualTo("w***@example.com");
		assertThat(ContactMasking.email("王芳@例子.公司")).isEqualTo("王***@例子.公司");
		assertThat(ContactMasking.email("no-at-sign")).isEqualTo("n***");
		assertThat(ContactMasking.email("@example.com")).isEqualTo("***@example.com");
	}

	@Test
	void shouldLeaveMissingDetailsMissing() {
		assertThat(ContactMasking.phone(null)).isNull();
		assertThat(ContactMasking.address(null)).isNull();
		assertThat(ContactMasking.email(null)).isNull();
	}

}
