// app.js: the page around the window (web/shell.html), run before the
// program: the link in the page's address opens as the scenario (render/
// main.c's --link), Share writes the link into the address and the
// clipboard, files open from the user's disk (picker or drag and drop) and
// saves come back as downloads, and the recovery copy of unsaved work lives
// in the browser's local storage. Nothing is sent anywhere.
var RECOVERY_KEY = 'transim-recovery:';

Module.canvas = document.getElementById('canvas');
// The canvas fills the page below the bar (web/shell.html's style): SDL
// follows its CSS size on every resize, in device pixels on a high-DPI screen.
Module.arguments = ['--size', Math.max(window.innerWidth, 320) + 'x' +
                               Math.max(window.innerHeight - 31, 240)];
if (location.hash.length > 1)
  Module.arguments.push('--link', location.hash);
// ?profile=N: the scripted drag of the first lever over N frames, timed as
// the native --profile --frames N; the times go to the console.
var profileFrames = /[?&]profile=(\d+)/.exec(location.search);
if (profileFrames)
  Module.arguments.push('--profile', '--frames', profileFrames[1]);
Module.print = function (t) { console.log(t); };
Module.printErr = function (t) { console.warn(t); };
Module.preRun = Module.preRun || [];
Module.preRun.push(function () {
  // The recovery copies of earlier visits go back where the program looks.
  FS.mkdir('/recovery');
  FS.mkdir('/uploads');
  for (var i = 0; i < localStorage.length; i++) {
    var k = localStorage.key(i);
    if (k.indexOf(RECOVERY_KEY) === 0)
      FS.writeFile('/recovery/' + k.slice(RECOVERY_KEY.length), localStorage.getItem(k));
  }
});

function transimMessage(text) {
  document.getElementById('msg').textContent = text;
}

// Mirrors /recovery into local storage: what is there is kept, what was
// removed (saved or discarded on purpose) is forgotten.
function transimSyncRecovery() {
  var names;
  try { names = FS.readdir('/recovery').filter(function (n) { return n[0] !== '.'; }); }
  catch (e) { return; }
  var keep = {};
  names.forEach(function (n) {
    keep[RECOVERY_KEY + n] = 1;
    try { localStorage.setItem(RECOVERY_KEY + n, FS.readFile('/recovery/' + n, { encoding: 'utf8' })); }
    catch (e) { /* storage full or refused: the copy stays in memory */ }
  });
  for (var i = localStorage.length - 1; i >= 0; i--) {
    var k = localStorage.key(i);
    if (k.indexOf(RECOVERY_KEY) === 0 && !keep[k])
      localStorage.removeItem(k);
  }
}

var transimLastLink = location.hash;

// Called by Share (render/gui.c): the page's address becomes the link.
function transimShare(link) {
  var hash = link.slice(link.indexOf('#'));
  transimLastLink = hash;
  history.replaceState(null, '', hash);
  if (navigator.clipboard && navigator.clipboard.writeText)
    navigator.clipboard.writeText(link).catch(function () {});
  transimMessage('Link copied: the address of this page is the scenario.');
}

// Called after a save (render/app.c) or an export (render/gui.c): the file
// comes back as a download.
function transimDownload(path) {
  var data = FS.readFile(path);
  var type = /\.png$/.test(path) ? 'image/png' : /\.csv$/.test(path) ? 'text/csv' : 'text/plain';
  var a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([data], { type: type }));
  a.download = path.split('/').pop();
  document.body.appendChild(a);
  a.click();
  setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}

function transimOpenFile(file) {
  file.arrayBuffer().then(function (buf) {
    var name = file.name.replace(/[^A-Za-z0-9._-]/g, '_') || 'scenario.ini';
    var path = '/uploads/' + name;
    // A file's `base = baseline.ini` finds the bundled scenarios beside it.
    FS.readdir('/scenarios').forEach(function (n) {
      if (/\.ini$/.test(n) && n !== name && !FS.analyzePath('/uploads/' + n).exists)
        FS.symlink('/scenarios/' + n, '/uploads/' + n);
    });
    try { FS.unlink(path); } catch (e) { /* none yet */ }
    FS.writeFile(path, new Uint8Array(buf));
    Module.ccall('web_drop', null, ['string'], [path]);
    Module.canvas.focus();
  });
}

Module.onRuntimeInitialized = function () {
  transimMessage('');
  document.getElementById('file').addEventListener('change', function (e) {
    if (e.target.files.length) transimOpenFile(e.target.files[0]);
    e.target.value = '';
  });
  document.addEventListener('dragover', function (e) { e.preventDefault(); });
  document.addEventListener('drop', function (e) {
    e.preventDefault();
    if (e.dataTransfer.files.length) transimOpenFile(e.dataTransfer.files[0]);
  });
  window.addEventListener('hashchange', function () {
    if (location.hash !== transimLastLink) {
      transimLastLink = location.hash;
      Module.ccall('web_link', 'string', ['string'], [location.hash]);
    }
  });
  // The scenario shown, as a link, for a test or a script reading the page.
  var state = document.getElementById('state');
  setInterval(function () {
    state.textContent = Module.ccall('web_link', 'string', ['string'], ['']);
    transimSyncRecovery();
  }, 500);
  Module.canvas.focus();
};

// Once loaded, the page works offline: web/sw.js keeps its files. Only where
// the browser allows service workers (https, or a server on localhost).
if ('serviceWorker' in navigator && window.isSecureContext)
  navigator.serviceWorker.register('sw.js').catch(function () { /* runs without */ });
