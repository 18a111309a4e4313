package io.sightline.detector;

/**
 * What bringing a detector's model up cost, for logs and benchmarks.
 *
 * @param graphMillis  reading the cached converted model, or converting the TF.js model when not cached
 * @param importMillis importing the converted model into its runtime (ONNX Runtime, TensorFlow) and opening a session
 * @param warmupMillis the first inference, which pays for kernel selection and memory planning
 * @param fromCache    whether the converted model was already cached next to the model
 */
public record ModelLoad(long graphMillis, long importMillis, long warmupMillis, boolean fromCache) {}
