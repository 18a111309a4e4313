package io.sightline.server.http;

/**
 * A request that cannot be served, with the status and stable code the client gets.
 * Services throw it; {@link ErrorMapper} turns it into the one error body.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    public static ApiException badRequest(String message) {
        return badRequest("bad_request", message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, "unauthorized", message);
    }

    public static ApiException forbidden(String what) {
        return new ApiException(403, "forbidden", "you do not have access to " + what);
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "not_found", what + " does not exist");
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, "conflict", message);
    }

    public static ApiException tooLarge(String code, String message) {
        return new ApiException(413, code, message);
    }

    public static ApiException unprocessable(String code, String message) {
        return new ApiException(422, code, message);
    }
}
