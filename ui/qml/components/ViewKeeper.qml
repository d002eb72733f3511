import QtQuick

// Scrolls a screen's Flickable so that a part of its content is in view: a short screen
// (large text, controls low, the keyboard up) otherwise shows a new answer, or the field
// being typed in, below its edge, where the resident does not look.
QtObject {
    required property Flickable flick

    // Content from `top` to `bottom` (the flickable's content coordinates) in view, with a
    // margin; its top first when the whole does not fit.
    function show(top, bottom) {
        var margin = theme.body * 0.5
        if (bottom + margin > flick.contentY + flick.height)
            flick.contentY = Math.min(bottom + margin - flick.height,
                                      Math.max(0, flick.contentHeight - flick.height))
        if (top - margin < flick.contentY)
            flick.contentY = Math.max(0, top - margin)
    }
}
