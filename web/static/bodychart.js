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
  //
  // Each area is [region, drawing kind, drawing, hit box]. The drawing is to scale; the hit box
  // ([x, y, width, height], picture units) is where a finger selects the area. Every hit box holds a
  // square of 27 units, which is 47 CSS px at the size app.css draws a figure (245 px for the 140 units
  // of VIEW_BOX, 1.75 px a unit), so every area is a target of at least 44×44 px. Small areas get hit boxes larger than their drawing, taken from the empty
  // space around them and from the edges of their larger neighbours, and lie above those neighbours:
  // the jaw takes the lower face, the neck the top of the chest's middle, the elbow the ends of the arm
  // on either side. Order matters: a later area's hit box wins where two overlap.
  var LIMBS = [
    ['upper_arm', 'rect', [41, 106, 19, 58, 9], [35, 106, 28, 52]],
    ['forearm', 'rect', [40, 179, 18, 52, 8], [35.5, 185, 27, 46]],
    ['elbow', 'ellipse', [50, 171, 10, 9], [36.5, 158, 27, 27]],
    ['wrist_hand', 'ellipse', [48, 247, 11, 16], [34.5, 231, 27, 33]],
    ['thigh', 'rect', [77, 214, 21, 76, 10], [72.5, 213, 27, 74]],
    ['lower_leg', 'rect', [79, 312, 18, 64, 8], [72.5, 314, 27, 63]],
    ['knee', 'ellipse', [87.5, 300, 11.5, 11], [72.5, 287, 27, 27]],
    ['ankle_foot', 'ellipse', [86, 390, 13, 10], [72.5, 377, 27, 27]]
  ];
  var SHOULDER = ['shoulder', 'ellipse', [64, 96, 19, 15], [45, 79, 38, 27]];
  var NECK = ['neck', 'rect', [89, 65, 22, 20, 5], [86.5, 67, 27, 27]];

  var FRONT = {
    name: 'Front',
    leftOfPicture: 'right',
    // The belly has no area of its own (the contract has no such region): it is drawn as plain body,
    // an outline like the rest of the figure, not as a pale panel that looks like a disabled control.
    base: [['rect', [78, 138, 44, 74, 10]]],
    centre: [
      ['head', 'ellipse', [100, 38, 24, 29], [76, 9, 48, 31]],
      ['chest', 'rect', [75, 84, 50, 58, 12], [75, 84, 50, 58]],
      NECK
    ],
    paired: [['jaw', 'ellipse', [90, 58, 8, 6.5], [73, 40, 27, 27]], SHOULDER].concat(LIMBS, [['hip', 'ellipse', [86, 199, 13, 13], [72.5, 186, 27, 27]]])
  };

  var BACK = {
    name: 'Back',
    leftOfPicture: 'left',
    base: [],
    centre: [
      ['head', 'ellipse', [100, 38, 24, 29], [76, 9, 48, 58]],
      ['upper_back', 'rect', [75, 84, 50, 42, 12], [75, 84, 50, 42]],
      ['mid_back', 'rect', [77, 127, 46, 30, 6], [77, 126, 46, 31.5]],
      ['lower_back', 'rect', [78, 158, 44, 30, 8], [78, 157.5, 44, 31]],
      NECK
    ],
    paired: [SHOULDER].concat(LIMBS, [['buttock', 'ellipse', [88.5, 203, 12.5, 14], [72.5, 189, 27, 27]]])
  };

  // The picture's used part: the figure and its hit boxes, without the empty margins around it.
  var VIEW_BOX = '30 4 140 402';

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

    // A phone has room for one view at a time at a size where every area is a 44 px target: a
    // Front / Back switch shows one (app.css shows both side by side where there is room, and hides
    // the switch).
    var switcher = document.createElement('div');
    switcher.className = 'bc-views';
    switcher.setAttribute('role', 'group');
    switcher.setAttribute('aria-label', 'View');
    root.appendChild(switcher);

    var views = [];
    [FRONT, BACK].forEach(function (view, v) {
      var figure = document.createElement('figure');
      figure.className = v === 0 ? 'bc-shown' : '';
      var svg = el('svg', { viewBox: VIEW_BOX, role: 'group', 'aria-label': view.name + ' of the body' });
      view.base.forEach(function (b) { shape(b[0], b[1], false, svg, 'bc-base'); });
      var add = function (area, side, mirrored) {
        var region = area[0];
        // The checkbox is a group of the drawing and its (invisible) hit box, so a tap anywhere in the
        // hit box is a tap on the checkbox itself.
        var node = el('g', { 'class': 'bc-region' }, svg);
        node.id = id + '-' + regions.length;
        var name = capitalise(siteLabel(region, side)) + (region === 'head' ? '' : ', ' + view.name.toLowerCase());
        var tip = el('title', {}, node);
        tip.textContent = name;
        shape(area[1], area[2], mirrored, node, 'bc-shape');
        shape('rect', area[3], mirrored, node, 'bc-hit');
        node.setAttribute('role', 'checkbox');
        node.setAttribute('aria-checked', 'false');
        node.setAttribute('aria-label', name);
        node.setAttribute('tabindex', '-1');
        node.setAttribute('data-region', region);
        node.setAttribute('data-side', side || 'centre');
        regions.push(node);
      };
      view.centre.forEach(function (c) { add(c, null, false); });
      var other = view.leftOfPicture === 'left' ? 'right' : 'left';
      view.paired.forEach(function (p) {
        add(p, view.leftOfPicture, false);
        add(p, other, true);
      });
      // Which side is which, from the patient's point of view.
      var l = el('text', { x: 40, y: 22, 'class': 'bc-side', 'aria-hidden': 'true' }, svg);
      l.textContent = view.leftOfPicture === 'left' ? 'L' : 'R';
      var r = el('text', { x: 152, y: 22, 'class': 'bc-side', 'aria-hidden': 'true' }, svg);
      r.textContent = view.leftOfPicture === 'left' ? 'R' : 'L';
      figure.appendChild(svg);
      var caption = document.createElement('figcaption');
      caption.textContent = view.name;
      caption.setAttribute('aria-hidden', 'true');
      figure.appendChild(caption);
      figures.appendChild(figure);

      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'bc-view';
      button.textContent = view.name;
      button.setAttribute('aria-pressed', v === 0 ? 'true' : 'false');
      switcher.appendChild(button);
      views.push({ figure: figure, button: button });
    });
    root.insertBefore(switcher, figures);

    function showView(index) {
      views.forEach(function (view, v) {
        view.figure.classList.toggle('bc-shown', v === index);
        view.button.setAttribute('aria-pressed', v === index ? 'true' : 'false');
      });
      // The chart's one Tab stop must stay on an area that can be seen.
      if (!visible(regions[current])) {
        var first = regions.filter(visible)[0];
        if (first) moveStop(regions.indexOf(first));
      }
    }
    views.forEach(function (view, v) {
      view.button.addEventListener('click', function () { showView(v); });
    });

    // What was picked and Send, kept in view while a chart taller than the screen scrolls (app.css).
    var footer = document.createElement('div');
    footer.className = 'bodychart-footer';
    root.appendChild(footer);

    var selected = document.createElement('p');
    selected.className = 'bodychart-selected';
    selected.setAttribute('aria-live', 'polite');
    footer.appendChild(selected);

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
    footer.appendChild(actions);

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
    function moveStop(index) {
      regions[current].setAttribute('tabindex', '-1');
      current = (index + regions.length) % regions.length;
      regions[current].setAttribute('tabindex', '0');
    }
    function focusAt(index) {
      moveStop(index);
      regions[current].focus();
    }
    function visible(node) {
      return node.getClientRects().length > 0;
    }
    regions[0].setAttribute('tabindex', '0');

    // Arrow keys move by position on the screen (down from the neck is the chest, right of the front view
    // is the back view), not through the list: the nearest area whose centre lies in that direction,
    // with sideways distance counting double so that "down" stays in its column.
    // By the drawing's centre (what the patient sees), not the hit box's.
    function centre(node) {
      var r = node.querySelector('.bc-shape').getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    function nearest(from, dx, dy) {
      var a = centre(regions[from]);
      var best = from;
      var bestScore = Infinity;
      var bestDistance = Infinity;
      regions.forEach(function (node, i) {
        if (i === from || !visible(node)) return;
        var b = centre(node);
        var along = (b.x - a.x) * dx + (b.y - a.y) * dy;
        if (along <= 1) return;
        var across = Math.abs((b.x - a.x) * dy) + Math.abs((b.y - a.y) * dx);
        var score = along + 2 * across;
        // A tie (up from the neck: the head straight above, the jaw nearer but to one side) goes to
        // the nearer area, whatever the size the chart is drawn at.
        var distance = Math.sqrt(along * along + across * across);
        if (score < bestScore - 0.5 || (score <= bestScore + 0.5 && distance < bestDistance)) {
          bestScore = Math.min(score, bestScore);
          bestDistance = distance;
          best = i;
        }
      });
      return best;
    }

    figures.addEventListener('click', function (event) {
      var node = event.target.closest && event.target.closest('.bc-region');
      if (!node) return;
      var index = regions.indexOf(node);
      if (index >= 0 && index !== current) moveStop(index);
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
