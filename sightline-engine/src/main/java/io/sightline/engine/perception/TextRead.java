package io.sightline.engine.perception;

import io.sightline.vision.ocr.TextLine;
import java.util.List;

/** The lines OCR read from one frame, whole ({@code fullFrame}) or only in known overlay bands. */
record TextRead(double seconds, List<TextLine> lines, boolean fullFrame) {}
