package io.kopij.event.webhook;

/** What one attempt got: an HTTP status with the start of the body, or an error without one. */
record AttemptResult(Integer statusCode, long durationMs, String responseExcerpt, String error) {

    static final int EXCERPT = 1000;

    static AttemptResult failed(long durationMs, String error) {
        return new AttemptResult(null, durationMs, null, error.length() > 500 ? error.substring(0, 500) : error);
    }

    boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    boolean gone() {
        return statusCode != null && statusCode == 410;
    }
}
