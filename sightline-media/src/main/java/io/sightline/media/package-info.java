/**
 * Video files through ffmpeg, as a library with no other Sightline module behind it.
 *
 * <ul>
 *   <li>{@link io.sightline.media.MediaProcessor}: the pipeline steps — {@code probe}, {@code prepare}
 *       (remux or transcode to an H.264/AAC MP4 with faststart), {@code packageHls}, {@code poster},
 *       {@code storyboard} — each atomic (temporary name, then rename) and safe to run again.</li>
 *   <li>{@link io.sightline.media.FrameDecoder}: sampled RGB frames with their own presentation
 *       times for perception, streamed, rotation applied.</li>
 *   <li>{@link io.sightline.media.FfmpegCommands}: every command line, as pure functions.</li>
 *   <li>{@link io.sightline.media.FfmpegProcess}: runs one, with progress, timeout, interruption.</li>
 *   <li>{@link io.sightline.media.SyntheticVideo}: generated videos and broken files for tests,
 *       benchmarks and demos.</li>
 * </ul>
 *
 * <p>ffmpeg comes from the bytedeco {@code ffmpeg} jar unless {@code SIGHTLINE_FFMPEG} and
 * {@code SIGHTLINE_FFPROBE} say otherwise ({@link io.sightline.media.FfmpegBinaries}). Every failure
 * is a {@link io.sightline.media.MediaException} whose message says why in plain words.
 */
package io.sightline.media;
