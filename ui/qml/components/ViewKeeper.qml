import QtQuick

// Scrolls a screen's Flickable so that a part of its content is in view: a short screen
// (large text, controls low, the keyboard up) otherwise shows a new answer, or the field
// being typed in, below its edge, where the resident does not look.
QtObject {
    required property Flickable flick
    // The content's Column of paragraphs, if any: a part scrolled up out of the way goes
    // whole (no half a title left at the top edge) where the part to show still fits.
    property Item paragraphs: null
    readonly property real margin: theme.body * 0.5
    readonly property real belowMargin: theme.body * 2.4  // ScrollCue's fade is theme.body * 2.2

    // How tall a part can be and still fit in view with its margins.
    function room() { return flick.height - margin - belowMargin }

    // Content from `top` to `bottom` (the flickable's content coordinates) in view, clear of
    // ScrollCue's "more below" fade at the bottom edge; its top first when the whole does
    // not fit.
    function show(top, bottom) {
        if (bottom + belowMargin > flick.contentY + flick.height)
            flick.contentY = Math.min(wholeParagraphs(bottom + belowMargin - flick.height, top),
                                      Math.max(0, flick.contentHeight - flick.height))
        if (top - margin < flick.contentY)
            flick.contentY = Math.max(0, top - margin)
    }

    // `y` moved down to the end of the paragraph it falls in, unless that hides `top`.
    function wholeParagraphs(y, top) {
        if (!paragraphs) return y
        for (var i = 0; i < paragraphs.children.length; ++i) {
            var part = paragraphs.children[i]
            var partTop = paragraphs.y + part.y, end = partTop + part.height
            if (part.visible && partTop < y && y < end)
                return end + paragraphs.spacing <= top - margin ? end + paragraphs.spacing : y
        }
        return y
    }
}
