/*
 * A clickable body chart (front and back, left and right) for the "where does it hurt" and "where does
 * it spread" questions. Plain DOM and SVG, no framework: app.js mounts it inside Web Chat's activity.
 * It sends the same structured answer as the bot's buttons: [{ region, side? }] with the contract's
 * codes (dialogs/vocabulary.ts). Keyboard: Tab reaches the chart, arrow keys move to the nearest area in
 * that direction, Space or Enter ticks one; every area is a checkbox with a name ("Left shoulder").
 */
(function () {
  'use strict';

  var SVG = 'http://www.w3.org/2000/svg';

  var LABELS = {
    head: 'head', jaw: 'jaw', neck: 'neck', shoulder: 'shoulder', upper_back: 'upper back', mid_back: 'mid back',
    lower_back: 'lower back', chest: 'chest', upper_arm: 'upper arm', elbow: 'elbow', forearm: 'forearm',
    wrist_hand: 'wrist or hand', hip: 'hip', buttock: 'buttock', thigh: 'thigh', knee: 'knee',
    lower_leg: 'lower leg', ankle_foot: 'ankle or foot'
  };

  // Midline regions have no side (the bot records them as centre), as in dialogs/painAreas.ts.
  var MIDLINE = { head: 1, neck: 1, upper_back: 1, mid_back: 1, lower_back: 1, chest: 1 };

  // Shapes are drawn for the figure's left half of the picture (x < 100) and mirrored. In the front
  // view the picture's left is the patient's RIGHT; in the back view it is their LEFT.
  var LIMBS = [
    ['upper_arm', 'rect', [41, 106, 19, 58, 9]],
    ['elbow', 'ellipse', [50, 171, 10, 9]],
    ['forearm', 'rect', [40, 179, 18, 52, 8]],
    ['wrist_hand', 'ellipse', [48, 247, 11, 16]],
    ['thigh', 'rect', [77, 214, 21, 76, 10]],
    ['knee', 'ellipse', [87.5, 300, 11.5, 11]],
    ['lower_leg', 'rect', [79, 312, 18, 64, 8]],
    ['ankle_foot', 'ellipse', [86, 390, 13, 10]]
  ];

  var FRONT = {
    name: 'Front',
    leftOfPicture: 'right',
    base: [['rect', [78, 140, 44, 50, 8]], ['rect', [78, 184, 44, 30, 10]]],
    centre: [
      ['head', 'ellipse', [100, 38, 24, 29]],
      ['neck', 'rect', [89, 65, 22, 20, 5]],
      ['chest', 'rect', [75, 84, 50, 58, 12]]
    ],
    paired: [['jaw', 'ellipse', [90, 58, 8, 6.5]], ['shoulder', 'ellipse', [64, 96, 19, 15]], ['hip', 'ellipse', [86, 199, 13, 13]]].concat(LIMBS)
  };

  var BACK = {
    name: 'Back',
    leftOfPicture: 'left',
    base: [],
    centre: [
      ['head', 'ellipse', [100, 38, 24, 29]],
      ['neck', 'rect', [89, 65, 22, 20, 5]],
      ['upper_back', 'rect', [75, 84, 50, 42, 12]],
      ['mid_back', 'rect', [77, 127, 46, 30, 6]],
      ['lower_back', 'rect', [78, 158, 44, 30, 8]]
    ],
    paired: [['shoulder', 'ellipse', [64, 96, 19, 15]], ['buttock', 'ellipse', [88.5, 203, 12.5, 14]]].concat(LIMBS)
  };

  var uid = 0;

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    if (parent) parent.appendChild(node);
    return node;
  }

  function shape(kind, g, mirrored, parent, cls) {
    var m = function (x, w) { return mirrored ? 200 - x - (w || 0) : x; };
    if (kind === 'ellipse') return el('ellipse', { cx: m(g[0]), cy: g[1], rx: g[2], ry: g[3], 'class': cls }, parent);
    return el('rect', { x: m(g[0], g[2]), y: g[1], width: g[2], height: g[3], rx: g[4] || 0, 'class': cls }, parent);
  }

  var HIT = 32;

  function addHit(layer, node, kind, g, mirrored) {
    var m = function (x, w) { return mirrored ? 200 - x - (w || 0) : x; };
    var box = kind === 'ellipse' ? { x: m(g[0]) - g[2], y: g[1] - g[3], w: 2 * g[2], h: 2 * g[3] } : { x: m(g[0], g[2]), y: g[1], w: g[2], h: g[3] };
    if (box.w >= HIT && box.h >= HIT) return;
    var w = Math.max(box.w, HIT);
    var h = Math.max(box.h, HIT);
    el('rect', { x: box.x + box.w / 2 - w / 2, y: box.y + box.h / 2 - h / 2, width: w, height: h, 'class': 'bc-hit', 'data-for': node.id, 'aria-hidden': 'true' }, layer);
  }

  function capitalise(s) { return s.charAt(0).toUpperCase() + s.slice(1); }

  function siteLabel(region, side) {
    if (!side || side === 'centre') return LABELS[region];
    if (side === 'both') return LABELS[region] + ' (both sides)';
    return side + ' ' + LABELS[region];
  }

  /**
   * mount(container, { step: 'location' | 'spread', collapsed?: boolean, onSend(sites, text) })
   * Returns { destroy() }.
   */
  function mount(container, options) {
    var id = 'bc' + (++uid);
    // region -> { left, right } for paired regions, or { centre } for midline ones; order of first pick kept.
    var picked = {};
    var order = [];
    var regions = [];

    var root = document.createElement('div');
    root.className = 'bodychart';
    root.setAttribute('role', 'group');
    root.setAttribute('aria-labelledby', id + '-title');

    var title = document.createElement('p');
    title.className = 'bodychart-title';
    title.id = id + '-title';
    title.textContent = options.step === 'spread' ? 'Or tap where the pain spreads to, then Send' : 'Or tap where it hurts (as many as you like), then Send';
    root.appendChild(title);

    var figures = document.createElement('div');
    figures.className = 'bodychart-figures';
    root.appendChild(figures);

    // On a short screen (a small phone, 200% zoom) the chart would push the question out of sight:
    // it starts folded behind a button, and the question, its buttons and the send box stay in view.
    var fold = null;
    if (options.collapsed) {
      fold = document.createElement('button');
      fold.type = 'button';
      fold.className = 'bc-toggle';
      fold.setAttribute('aria-expanded', 'false');
      fold.textContent = 'Show the body chart';
      root.insertBefore(fold, figures);
      root.classList.add('bodychart-collapsed');
      fold.addEventListener('click', function () {
        var open = root.classList.toggle('bodychart-collapsed') === false;
        fold.setAttribute('aria-expanded', String(open));
        fold.textContent = open ? 'Hide the body chart' : 'Show the body chart';
        if (open) regions[current].focus();
      });
    }

    [FRONT, BACK].forEach(function (view) {
      var figure = document.createElement('figure');
      var svg = el('svg', { viewBox: '0 0 200 420', role: 'group', 'aria-label': view.name + ' of the body' });
      view.base.forEach(function (b) { shape(b[0], b[1], false, svg, 'bc-base'); });
      // Hit areas under the drawing: a small area (the jaw, an elbow) is drawn to scale, but a finger
      // may land anywhere in a box of at least HIT units around it (24 CSS px at the chart's size).
      var hits = el('g', { 'class': 'bc-hits' }, svg);
      var add = function (region, kind, g, side, mirrored) {
        var node = shape(kind, g, mirrored, svg, 'bc-region');
        node.id = id + '-' + regions.length;
        addHit(hits, node, kind, g, mirrored);
        var name = capitalise(siteLabel(region, side)) + (view.name === 'Back' && region !== 'head' ? ', back' : view.name === 'Front' && region !== 'head' ? ', front' : '');
        node.setAttribute('role', 'checkbox');
        node.setAttribute('aria-checked', 'false');
        node.setAttribute('aria-label', name);
        node.setAttribute('tabindex', '-1');
        node.setAttribute('data-region', region);
        node.setAttribute('data-side', side || 'centre');
        var tip = el('title', {}, node);
        tip.textContent = name;
        regions.push(node);
      };
      view.centre.forEach(function (c) { add(c[0], c[1], c[2], null, false); });
      var other = view.leftOfPicture === 'left' ? 'right' : 'left';
      view.paired.forEach(function (p) {
        add(p[0], p[1], p[2], view.leftOfPicture, false);
        add(p[0], p[1], p[2], other, true);
      });
      // Which side is which, from the patient's point of view.
      var l = el('text', { x: 14, y: 414, 'class': 'bc-side', 'aria-hidden': 'true' }, svg);
      l.textContent = view.leftOfPicture === 'left' ? 'L' : 'R';
      var r = el('text', { x: 178, y: 414, 'class': 'bc-side', 'aria-hidden': 'true' }, svg);
      r.textContent = view.leftOfPicture === 'left' ? 'R' : 'L';
      figure.appendChild(svg);
      var caption = document.createElement('figcaption');
      caption.textContent = view.name;
      caption.setAttribute('aria-hidden', 'true');
      figure.appendChild(caption);
      figures.appendChild(figure);
    });

    var selected = document.createElement('p');
    selected.className = 'bodychart-selected';
    selected.setAttribute('aria-live', 'polite');
    root.appendChild(selected);

    var actions = document.createElement('div');
    actions.className = 'bodychart-actions';
    var clear = document.createElement('button');
    clear.type = 'button';
    clear.className = 'bc-clear';
    clear.textContent = 'Clear';
    var send = document.createElement('button');
    send.type = 'button';
    send.className = 'bc-send';
    send.textContent = 'Send';
    actions.appendChild(clear);
    actions.appendChild(send);
    root.appendChild(actions);

    function sites() {
      return order.map(function (region) {
        var p = picked[region];
        if (MIDLINE[region]) return { region: region };
        return { region: region, side: p.left && p.right ? 'both' : p.left ? 'left' : 'right' };
      });
    }

    function describe(list) {
      var words = list.map(function (s) { return siteLabel(s.region, s.side); });
      if (words.length <= 1) return words.join('');
      return words.slice(0, -1).join(', ') + ' and ' + words[words.length - 1];
    }

    function render() {
      regions.forEach(function (node) {
        var p = picked[node.getAttribute('data-region')];
        var on = !!p && !!p[node.getAttribute('data-side')];
        node.setAttribute('aria-checked', on ? 'true' : 'false');
      });
      var list = sites();
      selected.textContent = list.length ? 'Selected: ' + describe(list) : 'Nothing selected yet';
      send.disabled = list.length === 0;
      send.textContent = list.length ? 'Send (' + list.length + ')' : 'Send';
    }

    function toggle(node) {
      var region = node.getAttribute('data-region');
      var side = node.getAttribute('data-side');
      var p = picked[region] || (picked[region] = {});
      p[side] = !p[side];
      if (!p.left && !p.right && !p.centre) {
        delete picked[region];
        order = order.filter(function (r) { return r !== region; });
      } else if (order.indexOf(region) < 0) {
        order.push(region);
      }
      render();
    }

    // Roving tabindex: one stop for the whole chart, arrows inside it.
    var current = 0;
    function focusAt(index) {
      regions[current].setAttribute('tabindex', '-1');
      current = (index + regions.length) % regions.length;
      regions[current].setAttribute('tabindex', '0');
      regions[current].focus();
    }
    regions[0].setAttribute('tabindex', '0');

    // Arrow keys move by position on the screen (down from the neck is the chest, right of the front view
    // is the back view), not through the list: the nearest area whose centre lies in that direction,
    // with sideways distance counting double so that "down" stays in its column.
    function centre(node) {
      var r = node.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    function nearest(from, dx, dy) {
      var a = centre(regions[from]);
      var best = from;
      var bestScore = Infinity;
      regions.forEach(function (node, i) {
        if (i === from) return;
        var b = centre(node);
        var along = (b.x - a.x) * dx + (b.y - a.y) * dy;
        if (along <= 1) return;
        var across = Math.abs((b.x - a.x) * dy) + Math.abs((b.y - a.y) * dx);
        var score = along + 2 * across;
        if (score < bestScore) {
          bestScore = score;
          best = i;
        }
      });
      return best;
    }

    figures.addEventListener('click', function (event) {
      var hit = event.target.closest && event.target.closest('.bc-hit');
      var node = hit ? document.getElementById(hit.getAttribute('data-for')) : event.target.closest && event.target.closest('.bc-region');
      if (!node) return;
      var index = regions.indexOf(node);
      if (index >= 0 && index !== current) {
        regions[current].setAttribute('tabindex', '-1');
        current = index;
        node.setAttribute('tabindex', '0');
      }
      toggle(node);
    });

    figures.addEventListener('keydown', function (event) {
      var node = event.target;
      if (!node.classList || !node.classList.contains('bc-region')) return;
      var handled = true;
      switch (event.key) {
        case ' ':
        case 'Enter': toggle(node); break;
        case 'ArrowRight': focusAt(nearest(current, 1, 0)); break;
        case 'ArrowLeft': focusAt(nearest(current, -1, 0)); break;
        case 'ArrowDown': focusAt(nearest(current, 0, 1)); break;
        case 'ArrowUp': focusAt(nearest(current, 0, -1)); break;
        case 'Home': focusAt(0); break;
        case 'End': focusAt(regions.length - 1); break;
        default: handled = false;
      }
      if (handled) {
        event.preventDefault();
        event.stopPropagation();
      }
    });

    clear.addEventListener('click', function () {
      picked = {};
      order = [];
      render();
    });

    send.addEventListener('click', function () {
      var list = sites();
      if (!list.length) return;
      send.disabled = true;
      options.onSend(list, capitalise(describe(list)));
    });

    render();
    container.appendChild(root);
    return {
      destroy: function () { if (root.parentNode) root.parentNode.removeChild(root); }
    };
  }

  window.IntakeBodyChart = { mount: mount };
})();
