// The first script of the task pane, in plain ES5 so that every web view Office uses can run it,
// Internet Explorer 11 included. It starts the pane only where the pane can run, and otherwise
// (or when the pane fails to start) replaces "Đang khởi động…" with what happened and what to do.
// Keep it ES5: the build checks that it parses as ES5.
(function () {
  'use strict';
  var me = document.currentScript || document.getElementById('boot-script');
  var paneSrc = (me && me.getAttribute('data-pane')) || 'taskpane.js';
  var WAIT_MS = Number((me && me.getAttribute('data-wait-ms')) || 30000);

  var TEXT = {
    ie: {
      vi: [
        'Excel này chưa chạy được phần bổ trợ',
        'Excel trên máy này hiển thị phần bổ trợ bằng Internet Explorer (Office 2016 hoặc 2019 bản cấp phép số lượng lớn), quá cũ cho ngăn “Báo cáo Ngày Công tác xã hội”. ' +
          'Cách dùng được: Microsoft 365, Office 2021 hoặc mới hơn, hoặc Excel trên web (office.com) trong Edge hay Chrome. ' +
          'Office 2016 và 2019 đã hết được Microsoft hỗ trợ từ 14/10/2025; hãy báo bộ phận CNTT của cơ quan.',
      ],
      en: [
        'This Excel cannot run the add-in',
        'Excel on this computer shows add-ins with Internet Explorer (volume-licensed Office 2016 or 2019), which is too old for the Social Work Day reports pane. ' +
          'It works in Microsoft 365, Office 2021 or later, or Excel on the web (office.com) in Edge or Chrome. ' +
          'Office 2016 and 2019 left Microsoft support on 14 October 2025; please tell your IT staff.',
      ],
    },
    old: {
      vi: [
        'Trình duyệt của Excel quá cũ',
        'Excel trên máy này hiển thị phần bổ trợ bằng một trình duyệt cũ (Microsoft Edge bản cũ) thiếu những chức năng ngăn cần. ' +
          'Nhờ bộ phận CNTT cài “Microsoft Edge WebView2 Runtime” (miễn phí, của Microsoft) rồi mở lại Excel; hoặc dùng Microsoft 365, Office 2021 trở lên, hay Excel trên web.',
      ],
      en: [
        'Excel’s web view is too old',
        'Excel on this computer shows add-ins with an old browser (Microsoft Edge Legacy) that lacks what the pane needs. ' +
          'Ask your IT staff to install the “Microsoft Edge WebView2 Runtime” (free, from Microsoft) and reopen Excel; or use Microsoft 365, Office 2021 or later, or Excel on the web.',
      ],
    },
    office: {
      vi: [
        'Không tải được thư viện Office',
        'Ngăn cần office.js từ máy chủ của Microsoft (appsforoffice.microsoft.com) nhưng không tải được. ' +
          'Kiểm tra kết nối Internet hoặc tường lửa, proxy của cơ quan, rồi đóng và mở lại ngăn.',
      ],
      en: [
        'Office’s library could not be loaded',
        'The pane needs office.js from Microsoft’s server (appsforoffice.microsoft.com) and could not load it. ' +
          'Check the Internet connection or the office’s firewall and proxy, then close and reopen the pane.',
      ],
    },
    failed: {
      vi: [
        'Ngăn không khởi động được',
        'Hãy đóng ngăn và mở lại. Nếu vẫn lỗi, gửi dòng dưới đây cho bộ phận CNTT.',
      ],
      en: [
        'The pane could not start',
        'Close the pane and open it again. If it still fails, send the line below to your IT staff.',
      ],
    },
    slow: {
      vi: [
        'Ngăn khởi động lâu hơn bình thường',
        'Đã chờ 30 giây. Hãy đóng ngăn và mở lại; nếu vẫn vậy, báo bộ phận CNTT (máy cần tới được máy chủ của phần bổ trợ và appsforoffice.microsoft.com).',
      ],
      en: [
        'The pane is taking longer than usual to start',
        'It has waited 30 seconds. Close the pane and open it again; if it happens again, tell your IT staff (this computer must reach the add-in’s server and appsforoffice.microsoft.com).',
      ],
    },
  };

  function lang() {
    var l = '';
    try {
      l = (window.Office && Office.context && Office.context.displayLanguage) || '';
    } catch (e) {
      l = '';
    }
    if (!l) l = navigator.language || navigator.userLanguage || navigator.browserLanguage || 'vi';
    return /^en/i.test(l) ? 'en' : 'vi';
  }

  var box = null;
  var started = false;
  var shown = null;

  function bootBox() {
    return box || (box = document.getElementById('boot'));
  }

  function paneVisible() {
    var app = document.getElementById('app');
    return !!app && !app.hidden;
  }

  /** Replaces the boot line with a title, an explanation and (for failures) the error itself. */
  function show(kind, detail) {
    var el = bootBox();
    if (!el || paneVisible()) return;
    shown = kind;
    var t = TEXT[kind][lang()];
    while (el.firstChild) el.removeChild(el.firstChild);
    el.className = 'boot boot-failed';
    el.setAttribute('role', 'alert');
    el.setAttribute('data-boot', kind);
    var h = document.createElement('strong');
    h.className = 'boot-title';
    h.appendChild(document.createTextNode(t[0]));
    var p = document.createElement('p');
    p.appendChild(document.createTextNode(t[1]));
    el.appendChild(h);
    el.appendChild(p);
    if (detail) {
      var code = document.createElement('code');
      code.className = 'boot-detail';
      code.appendChild(document.createTextNode(String(detail).slice(0, 300)));
      el.appendChild(code);
    }
    el.hidden = false;
  }

  function isInternetExplorer() {
    return !!document.documentMode || /Trident\/|MSIE /.test(navigator.userAgent);
  }

  /** What the pane's own code relies on that EdgeHTML 18 (Office 2016/2019 retail without WebView2) lacks. */
  function lacksFeatures() {
    return (
      typeof Promise === 'undefined' ||
      typeof TextDecoder === 'undefined' ||
      typeof TextEncoder === 'undefined' ||
      typeof Worker === 'undefined' ||
      typeof Blob === 'undefined' ||
      typeof URL === 'undefined' ||
      typeof URL.createObjectURL !== 'function'
    );
  }

  function describe(e) {
    if (!e) return '';
    var err = e.error || e.reason || e;
    var text = (err && (err.message || err.description)) || e.message || String(err);
    var where = e.filename ? ' (' + String(e.filename).replace(/^.*\//, '') + ':' + (e.lineno || 0) + ')' : '';
    return text + where;
  }

  // Errors before the pane is on screen would otherwise leave "Đang khởi động…" forever.
  function onFailure(e) {
    if (!paneVisible() && shown === null && started) show('failed', describe(e));
  }
  window.addEventListener('error', onFailure);
  window.addEventListener('unhandledrejection', onFailure);

  function start() {
    if (isInternetExplorer()) {
      show('ie');
      // office.js runs in IE: once it knows Office's display language, say it again in that language.
      if (window.Office && typeof Office.onReady === 'function') {
        try {
          Office.onReady(function () {
            show('ie');
          });
        } catch (e) {
          /* the message stands */
        }
      }
      return;
    }
    if (lacksFeatures()) {
      show('old');
      return;
    }
    if (typeof window.Office === 'undefined') {
      show('office');
      return;
    }
    var loading = bootBox() ? bootBox().textContent : '';
    var s = document.createElement('script');
    s.src = paneSrc;
    s.onerror = function () {
      show('failed', paneSrc + ': not loaded');
    };
    started = true;
    document.head.appendChild(s);
    setTimeout(function () {
      var el = bootBox();
      if (!paneVisible() && shown === null && el && el.textContent === loading) show('slow');
    }, WAIT_MS);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
