package io.complaintdesk.complaint.casefile;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the case file (issue 16), bound from {@code complaint-desk.case-file.*}. The container's
 * multipart limits follow {@code maxFileSize} ({@link UploadLimits}), a little above it, so that a
 * file just over it gets this desk's Chinese 413 with the sizes.
 *
 * @param maxFileSize largest attachment (20 MiB)
 * @param maxCaseSize all attachments of one case together (200 MiB)
 * @param maxNoteLength longest internal note, in characters (5,000)
 * @param maxPauseWorkingDays a case waiting for the customer longer than this many working days is
 * reported to the supervisors (10)
 */
@Validated
@ConfigurationProperties("complaint-desk.case-file")
public record CaseFileProperties(@NotNull @DefaultValue("20MB") DataSize maxFileSize,
		@NotNull @DefaultValue("200MB") DataSize maxCaseSize,
		@Min(1) @Max(CaseFileProperties.NOTE_COLUMN) @DefaultValue("5000") int maxNoteLength,
		@Min(1) @DefaultValue("10") int maxPauseWorkingDays) {

	/** the width of {@code case_note.note_text} */
	static final int NOTE_COLUMN = 5000;

}
