// Runs in <head>, before anything is painted (a classic script, the only one there):
// - `?lang=` naming another language's page opens that page (or, in the one-file build, marks its inline lesson
//   to be swapped in), so an old link never flashes the wrong language;
// - marks the document as scripted (html.js), which shows the controls that need JavaScript, and as a teacher's
//   (html.teacher, which shows the Embed buttons) when this browser chose so;
// - in embed mode keeps the page invisible until app.js has arranged the embedded part, so the lesson around
//   it is never painted and then removed. A timer reveals it anyway should app.js never run.
(() => {
  const html = document.documentElement;
  html.classList.add('js');
  let params;
  try {
    params = new URLSearchParams(location.search);
  } catch {
    return;
  }
  const wanted = params.get('lang');
  if (wanted && wanted !== html.dataset.lang && /^[a-z]{2}$/.test(wanted)) {
    const page = html.getAttribute(`data-page-${wanted}`);
    if (page) {
      html.classList.add('leaving');
      location.replace(page + location.search + location.hash);
      return;
    }
    // The one-file build holds the other languages in the page itself (web/lesson/inline-lessons.js swaps them in).
    if ((html.dataset.lessons ?? '').split(' ').includes(wanted)) {
      html.dataset.swapTo = wanted;
      html.classList.add('lesson-swap');
    }
  }
  // Teacher tools (the Embed buttons) are off for students; a teacher's choice is kept in this browser
  // (web/teacher-tools.js), and `?teacher=1` turns them on. Set before the first paint, so nothing moves.
  try {
    if (params.get('teacher') === '1') localStorage.setItem('alab-teacher', '1');
    if (localStorage.getItem('alab-teacher') === '1') html.classList.add('teacher');
  } catch {
    if (params.get('teacher') === '1') html.classList.add('teacher');
  }
  if (params.get('embed') === '1') {
    html.classList.add('embed-arranging');
    setTimeout(() => html.classList.remove('embed-arranging'), 4000);
  }
})();
