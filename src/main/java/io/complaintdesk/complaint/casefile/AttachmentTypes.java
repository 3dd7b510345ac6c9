package io.complaintdesk.complaint.casefile;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/**
 * What an attachment is, told by its content (Apache Tika's magic bytes), never by its name or the
 * {@code Content-Type} the client sent: an {@code .exe} renamed {@code .jpg} is a program. Allowed:
 * images (JPEG, PNG, WebP, HEIC), PDF, office documents (Word, Excel, PowerPoint, OpenDocument) and
 * audio recordings (MP3, M4A/AAC, WAV, AMR, Ogg).
 * <p>
 * {@code tika-core} recognises the containers of Office files but not which Office application wrote
 * them (that needs Tika's parsers and Apache POI): an OOXML package is {@code application/x-tika-ooxml},
 * an OLE2 file {@code application/x-tika-msoffice}. Only within such a family does the file name's
 * extension pick the exact type (a {@code .docx} that is an OOXML package is a Word document); a name
 * never makes a file of another family acceptable.
 */
@Component
class AttachmentTypes {

	private static final Set<String> ALLOWED = Set.of(
			// images
			"image/jpeg", "image/png", "image/webp", "image/heic", "image/heif", "image/heic-sequence",
			"image/heif-sequence",
			// PDF
			"application/pdf",
			// office documents: OLE2 (doc, xls, ppt), OOXML (docx, xlsx, pptx), OpenDocument (odt, ods, odp)
			"application/x-tika-msoffice", "application/msword", "application/vnd.ms-excel",
			"application/vnd.ms-powerpoint", "application/x-tika-ooxml",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
			"application/vnd.openxmlformats-officedocument.presentationml.presentation",
			"application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
			"application/vnd.oasis.opendocument.presentation",
			// audio recordings
			"audio/mpeg", "audio/mp4", "audio/x-m4a", "audio/aac", "audio/x-aac", "audio/vnd.wave", "audio/wav",
			"audio/x-wav", "audio/amr", "audio/ogg", "audio/vorbis", "audio/opus", "application/ogg");

	/** Within the Office container families only: the exact type by the name's extension. */
	private static final Map<String, Map<String, String>> BY_EXTENSION_WITHIN = Map.of("application/x-tika-ooxml",
			Map.of("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "xlsx",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "pptx",
					"application/vnd.openxmlformats-officedocument.presentationml.presentation"),
			"application/x-tika-msoffice", Map.of("doc", "application/msword", "xls", "application/vnd.ms-excel", "ppt",
					"application/vnd.ms-powerpoint"));

	private final Tika tika = new Tika();

	/** The content's type, or empty when it is not one the desk accepts. */
	Optional<String> allowedType(InputStream content, String fileName) throws IOException {
		String detected = detect(content);
		if (!ALLOWED.contains(detected)) {
			return Optional.empty();
		}
		Map<String, String> family = BY_EXTENSION_WITHIN.get(detected);
		if (family != null) {
			String exact = family.get(extension(fileName));
			return Optional.of((exact != null) ? exact : detected);
		}
		return Optional.of(detected);
	}

	/** What Tika reads in the content's first bytes, without any name. */
	String detect(InputStream content) throws IOException {
		try (InputStream buffered = new BufferedInputStream(content)) {
			return this.tika.detect(buffered);
		}
	}

	private static String extension(String fileName) {
		int dot = fileName.lastIndexOf('.');
		return (dot >= 0) ? fileName.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
	}

}
