package io.kopij.event.live;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** A minimal Server-Sent Events client over a real HTTP connection (Vert.x), recording what it reads. */
final class SseClient implements AutoCloseable {

    record Event(String id, String type, String data) {
    }

    final List<Event> events = new CopyOnWriteArrayList<>();
    final List<String> comments = new CopyOnWriteArrayList<>();
    final AtomicReference<Integer> status = new AtomicReference<>();
    final AtomicReference<String> contentType = new AtomicReference<>();
    final AtomicReference<String> cacheControl = new AtomicReference<>();
    private final HttpClient client;
    private final AtomicReference<HttpClientRequest> request = new AtomicReference<>();
    private final StringBuilder pending = new StringBuilder();

    SseClient(Vertx vertx, URI uri, String lastEventId) {
        client = vertx.createHttpClient();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(uri.getHost())
                .setPort(uri.getPort()).setURI(uri.getRawPath()).putHeader("Accept", "text/event-stream");
        if (lastEventId != null) {
            options.putHeader("Last-Event-ID", lastEventId);
        }
        client.request(options).compose(req -> {
            request.set(req);
            return req.send();
        }).onSuccess(response -> {
            contentType.set(response.getHeader("Content-Type"));
            cacheControl.set(response.getHeader("Cache-Control"));
            status.set(response.statusCode());
            response.handler(buffer -> read(buffer.toString()));
        });
    }

    private synchronized void read(String chunk) {
        pending.append(chunk);
        int end;
        while ((end = pending.indexOf("\n\n")) >= 0) {
            String block = pending.substring(0, end);
            pending.delete(0, end + 2);
            String id = null;
            String type = null;
            StringBuilder data = null;
            for (String line : block.split("\n")) {
                if (line.startsWith(":")) {
                    comments.add(line.substring(1).trim());
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data = (data == null ? new StringBuilder() : data.append('\n')).append(line.substring(5));
                }
            }
            if (data != null || id != null) {
                events.add(new Event(id, type, data == null ? null : data.toString()));
            }
        }
    }

    boolean connected() {
        return comments.contains("connected");
    }

    @Override
    public void close() {
        HttpClientRequest open = request.get();
        if (open != null) {
            open.reset();
        }
        client.close();
    }
}
