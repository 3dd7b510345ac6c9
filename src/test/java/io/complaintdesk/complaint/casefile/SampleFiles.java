package io.complaintdesk.complaint.casefile;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

/** Real files of each kind the case file meets, made in memory (tests and the browser test). */
public final class SampleFiles {

	private SampleFiles() {
	}

	/** A photo of a broken kettle, as far as a 64×48 red and grey JPEG goes. */
	public static byte[] jpeg() {
		return image("jpg");
	}

	public static byte[] png() {
		return image("png");
	}

	/** A one-page PDF saying "Invoice 2026-11" that browsers render. */
	public static byte[] pdf() {
		String stream = "BT /F1 24 Tf 50 100 Td (Invoice 2026-11) Tj ET";
		String[] objects = { "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
				"<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
				"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>" };
		StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
		int[] offsets = new int[objects.length];
		for (int i = 0; i < objects.length; i++) {
			offsets[i] = pdf.length();
			pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
		}
		int xref = pdf.length();
		pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
		for (int offset : offsets) {
			pdf.append(String.format("%010d 00000 n \n", offset));
		}
		pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
			.append(xref).append("\n%%EOF\n");
		return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
	}

	/** A Word document (OOXML package) as Word writes its first entry. */
	public static byte[] docx() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
					+ "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")
				.getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry("word/document.xml"));
			zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/** A Windows program: what must never pass as a photo. */
	public static byte[] exe() {
		byte[] exe = new byte[512];
		exe[0] = 'M';
		exe[1] = 'Z';
		exe[0x3c] = (byte) 0x80;
		exe[0x80] = 'P';
		exe[0x81] = 'E';
		return exe;
	}

	/** An AMR voice recording's header (what Chinese phones record calls in). */
	public static byte[] amr() {
		return withPadding("#!AMR\n".getBytes(StandardCharsets.ISO_8859_1), 64);
	}

	/** An MP3 with an ID3 tag. */
	public static byte[] mp3() {
		return withPadding(new byte[] { 'I', 'D', '3', 3, 0, 0, 0, 0, 0, 0 }, 128);
	}

	/** A WAV recording's RIFF header. */
	public static byte[] wav() {
		return withPadding("RIFF\u0024\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1), 64);
	}

	/** An HEIC photo's header (iPhone). */
	public static byte[] heic() {
		return withPadding(new byte[] { 0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f',
				'1', 'h', 'e', 'i', 'c' }, 64);
	}

	/** A WebP photo's header. */
	public static byte[] webp() {
		return withPadding("RIFF\u0024\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1), 64);
	}

	/** A shell script: text, not evidence the desk accepts. */
	public static byte[] script() {
		return "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.US_ASCII);
	}

	/** {@code size} bytes that start as a JPEG. */
	public static byte[] jpegOfSize(int size) {
		byte[] head = jpeg();
		byte[] big = new byte[size];
		System.arraycopy(head, 0, big, 0, Math.min(head.length, size));
		return big;
	}

	private static byte[] withPadding(byte[] head, int size) {
		byte[] bytes = new byte[Math.max(size, head.length)];
		System.arraycopy(head, 0, bytes, 0, head.length);
		return bytes;
	}

	private static byte[] image(String format) {
		BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.LIGHT_GRAY);
		g.fillRect(0, 0, 64, 48);
		g.setColor(Color.RED);
		g.fillOval(16, 8, 32, 32);
		g.dispose();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

}
