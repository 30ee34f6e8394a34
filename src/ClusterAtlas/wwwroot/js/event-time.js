// An event's time in the visitor's own time zone, next to the time in the event's zone that the server wrote.
(function () {
    var source = document.getElementById('event-time');
    var target = document.getElementById('event-local-time');
    if (!source || !target || typeof Intl === 'undefined') { return; }
    var own = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!own || own === source.getAttribute('data-zone')) { return; }
    var start = new Date(source.getAttribute('data-start'));
    var end = new Date(source.getAttribute('data-end'));
    if (isNaN(start.getTime()) || isNaN(end.getTime())) { return; }
    var language = document.documentElement.lang || undefined;
    var format = new Intl.DateTimeFormat(language, { dateStyle: 'full', timeStyle: 'short', timeZone: own });
    var range = typeof format.formatRange === 'function' ? format.formatRange(start, end) : format.format(start) + ' – ' + format.format(end);
    target.textContent = source.getAttribute('data-label').replace('{0}', own) + ' ' + range;
    target.hidden = false;
}());
