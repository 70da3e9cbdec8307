package io.kopij.feed;

import io.kopij.article.ArticleView;

/** One article as feeds show it: the article, its body as HTML, and its public URL (null when there is none). */
record FeedItem(ArticleView article, String html, String url) {
}
