// Activation Lab — optional script for pages that embed the lab in an <iframe> (shipped as
// dist/activation-lab-embed.js). It sets each embedded lab's height to the height the lab reports, so the
// frame never shows a scroll bar. Without it the frame simply keeps the height written in the snippet.
//
//   <script src="activation-lab-embed.js" defer></script>
//
// It listens for {type: 'activation-lab:height', height, id} messages and acts on one only when it comes
// from the window of an <iframe> on this page (and, for http(s) frames, from that frame's origin). Every
// other message is ignored. No other behaviour; nothing is sent back.
(function activationLabEmbed() {
  'use strict';
  if (window.activationLabEmbed) return;
  var minHeight = 80;
  var maxHeight = 20000;

  function frameOf(source) {
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === source) return frames[i];
    }
    return null;
  }

  // Where the frame's document comes from; "null" origins (file://, sandboxed frames) cannot be compared.
  function originMatches(frame, origin) {
    if (origin === 'null') return true;
    try {
      return new URL(frame.src, document.baseURI).origin === origin;
    } catch (err) {
      return false;
    }
  }

  function onMessage(event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'activation-lab:height') return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height)) return;
    var frame = frameOf(event.source);
    // A frame written inline (srcdoc, no src) is the host's own content, never the lab.
    if (!frame || !frame.getAttribute('src') || frame.hasAttribute('srcdoc')) return;
    if (frame.hasAttribute('data-fixed-height') || !originMatches(frame, event.origin)) return;
    var px = Math.round(Math.min(maxHeight, Math.max(minHeight, height)));
    frame.style.height = px + 'px';
    frame.setAttribute('data-activation-lab-height', String(px));
  }

  window.addEventListener('message', onMessage);
  window.activationLabEmbed = { version: 1 };
}());
