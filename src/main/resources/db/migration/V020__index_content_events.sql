-- The content watermark (io.kopij.delivery.ContentWatermark) is the position of the last event that changes what
-- anonymous readers see: public article events (published articles, and the unpublish/archive/delete of public
-- ones) and every author, tag or asset event (those are shown publicly as they are). Draft saves are neither.
-- Its reader asks for max(position) of these rows: one backward step of this index.
create index outbox_event_content on outbox_event (position)
    where public or type not like 'article.%';
