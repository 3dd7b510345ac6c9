package io.complaintdesk.complaint.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The attachment's type comes from its content; the name only refines an Office container. */
class AttachmentTypesTests {

	private final AttachmentTypes types = new AttachmentTypes();

	static Stream<Arguments> accepted() {
		return Stream.of(Arguments.of("photo.jpg", SampleFiles.jpeg(), "image/jpeg"),
				// the name says nothing: a JPEG called .pdf is a JPEG
				Arguments.of("invoice.pdf", SampleFiles.jpeg(), "image/jpeg"),
				Arguments.of("screen.png", SampleFiles.png(), "image/png"),
				Arguments.of("IMG_0001.HEIC", SampleFiles.heic(), "image/heic"),
				Arguments.of("photo.webp", SampleFiles.webp(), "image/webp"),
				Arguments.of("发票.pdf", SampleFiles.pdf(), "application/pdf"),
				Arguments.of("报告.docx", SampleFiles.docx(),
						"application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
				// an OOXML package without a telling name stays the container's type
				Arguments.of("report", SampleFiles.docx(), "application/x-tika-ooxml"),
				Arguments.of("通话录音.amr", SampleFiles.amr(), "audio/amr"),
				Arguments.of("call.mp3", SampleFiles.mp3(), "audio/mpeg"),
				Arguments.of("call.wav", SampleFiles.wav(), "audio/vnd.wave"));
	}

	@ParameterizedTest(name = "{0} → {2}")
	@MethodSource("accepted")
	void shouldAcceptEvidenceByItsContent(String name, byte[] content, String type) throws IOException {
		assertThat(this.types.allowedType(new ByteArrayInputStream(content), name)).contains(type);
	}

	static Stream<Arguments> refused() {
		return Stream.of(Arguments.of("photo.jpg", SampleFiles.exe()), Arguments.of("scan.pdf", SampleFiles.script()),
				Arguments.of("notes.docx", "just text".getBytes()));
	}

	@ParameterizedTest(name = "{0} that is not one")
	@MethodSource("refused")
	void shouldRefuseWhatOnlyItsNameMakesLookHarmless(String name, byte[] content) throws IOException {
		assertThat(this.types.allowedType(new ByteArrayInputStream(content), name)).isEmpty();
	}

}
