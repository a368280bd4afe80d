/*
 * Newsletter builder for school offices (the page body comes from onlinesafety/newsletters/builder.py).
 *
 * - Reads the English pieces from <script type="application/json" id="newsletter-builder-data">.
 *   A translation is not in the page: when a language is chosen (or comes back from a saved choice),
 *   the script fetches that language's file (its data_url, api/newsletter-<code>.json, same origin
 *   only) once, shows "Loading …" meanwhile and keeps it for the rest of the visit. If the file
 *   cannot be loaded (offline), it says so and goes back to English only, which always works.
 * - The school's name, safeguarding lead and contact are kept in this browser's localStorage only;
 *   this script never sends anything anywhere.
 * - Everything shown is built with DOM nodes and textContent, never innerHTML, so typed text is
 *   always text.
 * - The plain text it copies matches builder_plain_text() in builder.py exactly (tests check this),
 *   in English, in another language, or in English then the language (the Language choice).
 */
(function () {
  "use strict";

  var STORAGE_KEY = "safe-online-schools:newsletter-builder";
  var PLACEHOLDER_SCHOOL = "[your school's name]";
  var FIELDS = ["topic", "band", "length", "region", "language", "school", "lead", "contact"];
  var RLM = "\u200f";
  var LRM = "\u200e";
  var SEPARATOR = "----------------------------------------";
  /* code -> a language's file, once loaded: kept for the visit, also when Material's instant
     navigation comes back to this page and a new Builder starts. */
  var LOADED = {};
  var ENGLISH = {
    newsletter_where_help: "Where to get help ({region})"
  };
  var FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
  var COLOURS = {
    text: "#1f2328", muted: "#4a5560", background: "#fdfdfc", border: "#d5dbe1",
    accent: "#1d4f91", onAccent: "#ffffff"
  };
  var STYLES = {
    card: {
      "font-family": FONT, "font-size": "16px", "line-height": "1.55", "color": COLOURS.text,
      "background-color": COLOURS.background, "border": "1px solid " + COLOURS.border,
      "border-top": "6px solid " + COLOURS.accent, "border-radius": "4px", "padding": "20px 22px",
      "max-width": "600px", "box-sizing": "border-box", "text-align": "left"
    },
    kicker: {
      "margin": "0 0 6px 0", "font-size": "13px", "line-height": "1.4", "font-weight": "600",
      "letter-spacing": "0.02em", "text-transform": "uppercase", "color": COLOURS.muted
    },
    headline: {
      "margin": "0 0 12px 0", "font-size": "24px", "line-height": "1.25", "font-weight": "700",
      "color": COLOURS.accent, "font-family": FONT
    },
    p: { "margin": "0 0 14px 0", "font-size": "16px", "line-height": "1.55", "color": COLOURS.text },
    list: { "margin": "0 0 14px 0", "padding": "0 0 0 24px", "color": COLOURS.text },
    li: { "margin": "0 0 6px 0", "font-size": "16px", "line-height": "1.55", "color": COLOURS.text },
    link: { "color": COLOURS.accent, "text-decoration": "underline" },
    cta: { "margin": "6px 0 22px 0" },
    button: {
      "display": "inline-block", "padding": "12px 20px", "border-radius": "6px",
      "background-color": COLOURS.accent, "color": COLOURS.onAccent, "font-size": "16px",
      "line-height": "1.3", "font-weight": "700", "text-decoration": "none"
    },
    signoff: { "margin": "0 0 10px 0", "font-size": "15px", "line-height": "1.5", "color": COLOURS.text },
    note: {
      "margin": "0 0 12px 0", "padding": "8px 10px", "font-size": "14px", "line-height": "1.5",
      "color": COLOURS.text, "background-color": "#eef1f4", "border-radius": "4px"
    },
    part: { "margin": "8px 0 0 0", "padding": "22px 0 0 0", "border-top": "3px solid " + COLOURS.accent },
    rtl: {
      "direction": "rtl", "text-align": "right",
      "font-family": "'Noto Naskh Arabic', 'Segoe UI', Tahoma, 'Geeza Pro', Arial, sans-serif"
    },
    rtlList: { "padding": "0 24px 0 0" },
    rtlKicker: { "letter-spacing": "0", "text-transform": "none" },
    from: { "margin": "0", "font-size": "15px", "line-height": "1.5", "font-weight": "700", "color": COLOURS.text }
  };

  function el(tag, style, text) {
    var node = document.createElement(tag);
    if (style) {
      Object.keys(style).forEach(function (name) { node.style.setProperty(name, style[name]); });
    }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function siteRoot() {
    var base = ".";
    var config = document.getElementById("__config");
    if (config) {
      try { base = JSON.parse(config.textContent).base || "."; } catch (error) { base = "."; }
    }
    return new URL(base.replace(/\/?$/, "/"), document.baseURI).href;
  }

  /* An absolute http(s) URL for a data link: absolute links stay, site paths join the site root. */
  function resolve(link, root) {
    if (typeof link !== "string" || link === "") { return null; }
    var url;
    try {
      url = /^https?:\/\//.test(link) ? new URL(link) : new URL(link.replace(/^\/+/, ""), root);
    } catch (error) {
      return null;
    }
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  }

  /* Right-to-left plain text, as languages.mark_rtl_lines() writes it: every line that is not a web
     address alone starts with RIGHT-TO-LEFT MARK, and a web address inside such a line is followed by
     LEFT-TO-RIGHT MARK, so a closing '/' or ')' stays with the address. */
  var URL_ONLY = /^https?:\/\/[^\s()<>\u200e]+$/;
  var INLINE_URL = /https?:\/\/[^\s()<>\u200e]+/g;

  function markRtl(lines) {
    return lines.map(function (line) {
      var stripped = line.trim();
      if (!stripped || URL_ONLY.test(stripped)) { return line; }
      return RLM + line.replace(INLINE_URL, function (url) { return url + LRM; });
    });
  }

  /* A translated 'worried' line; a blank name or contact is left out with the words around it,
     exactly as _worried_line_in() in builder.py does. */
  function worriedIn(text, term, lead, contact) {
    if (!contact) { text = text.split(" ({contact})").join("").split("({contact})").join(""); }
    if (!lead) {
      ["\u060c {lead_name}", ", {lead_name}", ": {lead_name}", " {lead_name}", "{lead_name}"].forEach(function (joined) {
        text = text.split(joined).join("");
      });
    }
    return text.split("{lead_term}").join(term).split("{lead_name}").join(lead).split("{contact}").join(contact);
  }

  /* --- rich text (the JSON form of a snippet body) ------------------------------------------- */

  function appendInline(parent, nodes, root) {
    nodes.forEach(function (node) {
      if (Object.prototype.hasOwnProperty.call(node, "t")) {
        parent.appendChild(document.createTextNode(node.t));
      } else if (node.br) {
        parent.appendChild(document.createElement("br"));
      } else if (node.strong || node.em) {
        var styled = el(node.strong ? "strong" : "em");
        appendInline(styled, node.strong || node.em, root);
        parent.appendChild(styled);
      } else if (Object.prototype.hasOwnProperty.call(node, "a")) {
        var href = resolve(node.a, root);
        if (href) {
          var link = el("a", STYLES.link);
          link.href = href;
          appendInline(link, node.c || [], root);
          parent.appendChild(link);
        } else {
          appendInline(parent, node.c || [], root);
        }
      }
    });
  }

  function inlineText(nodes, root) {
    return nodes.map(function (node) {
      if (Object.prototype.hasOwnProperty.call(node, "t")) { return node.t; }
      if (node.br) { return "\n"; }
      if (node.strong || node.em) { return inlineText(node.strong || node.em, root); }
      if (Object.prototype.hasOwnProperty.call(node, "a")) {
        var inner = inlineText(node.c || [], root);
        var href = resolve(node.a, root);
        return href && href !== inner ? inner + " (" + href + ")" : inner;
      }
      return "";
    }).join("");
  }

  function bodyText(blocks, root) {
    return blocks.map(function (block) {
      if (block.p) { return inlineText(block.p, root); }
      var ordered = Boolean(block.ol);
      return (block.ol || block.ul).map(function (item, index) {
        return (ordered ? (index + 1) + "." : "-") + " " + inlineText(item, root);
      }).join("\n");
    }).join("\n\n");
  }

  function appendBody(parent, blocks, root) {
    blocks.forEach(function (block) {
      if (block.p) {
        var paragraph = el("p", STYLES.p);
        appendInline(paragraph, block.p, root);
        parent.appendChild(paragraph);
        return;
      }
      var list = el(block.ol ? "ol" : "ul", STYLES.list);
      (block.ol || block.ul).forEach(function (item) {
        var entry = el("li", STYLES.li);
        appendInline(entry, item, root);
        list.appendChild(entry);
      });
      parent.appendChild(list);
    });
  }

  /* --- the builder ------------------------------------------------------------------------------ */

  function Builder(container, data) {
    this.container = container;
    this.data = data;
    this.root = data.base_url ? data.base_url.replace(/\/?$/, "/") : siteRoot();
    this.controls = {};
    this.languageData = LOADED;
    this.pending = {};  /* code -> true while its file is being fetched */
    var self = this;
    FIELDS.forEach(function (name) { self.controls[name] = document.getElementById("nl-" + name); });
    this.preview = document.getElementById("nl-preview");
    this.social = document.getElementById("nl-social");
    this.socialLong = document.getElementById("nl-social-long");
    this.status = document.getElementById("nl-status");
    this.bandNote = document.getElementById("nl-band-note");
    this.buttons = {
      email: document.getElementById("nl-copy-email"),
      text: document.getElementById("nl-copy-text"),
      social: document.getElementById("nl-copy-social"),
      socialLong: document.getElementById("nl-copy-social-long")
    };
    this.restore();
    FIELDS.forEach(function (name) {
      var control = self.controls[name];
      if (!control) { return; }
      var isText = control.tagName === "INPUT";
      control.addEventListener(isText ? "input" : "change", function () {
        self.save();
        if (isText) { self.renderSignoff(); } else { self.render(); }
      });
    });
    document.getElementById("nl-form").addEventListener("submit", function (event) { event.preventDefault(); });
    document.getElementById("nl-forget").addEventListener("click", function () { self.forget(); });
    this.buttons.email.addEventListener("click", function () { self.copyEmail(); });
    this.buttons.text.addEventListener("click", function () { self.copyText(); });
    this.buttons.social.addEventListener("click", function () { self.copySocial(); });
    this.buttons.socialLong.addEventListener("click", function () { self.copySocialLong(); });
    this.setUpPlan();
    document.getElementById("nl-actions").hidden = false;
    this.render();
  }

  Builder.prototype.value = function (name) {
    var control = this.controls[name];
    return control ? control.value.trim() : "";
  };

  Builder.prototype.restore = function () {
    var saved = {};
    try { saved = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || "{}") || {}; } catch (error) { saved = {}; }
    var self = this;
    FIELDS.forEach(function (name) {
      var control = self.controls[name];
      if (!control || typeof saved[name] !== "string") { return; }
      if (control.tagName === "SELECT" && !Array.prototype.some.call(control.options, function (option) {
        return option.value === saved[name];
      })) { return; }
      control.value = saved[name];
    });
  };

  Builder.prototype.save = function () {
    var state = {};
    var self = this;
    FIELDS.forEach(function (name) { if (self.controls[name]) { state[name] = self.controls[name].value; } });
    try { window.localStorage.setItem(STORAGE_KEY, JSON.stringify(state)); } catch (error) { /* storage off */ }
  };

  Builder.prototype.forget = function () {
    try { window.localStorage.removeItem(STORAGE_KEY); } catch (error) { /* storage off */ }
    var self = this;
    ["school", "lead", "contact"].forEach(function (name) { self.controls[name].value = ""; });
    this.renderSignoff();
    this.say("Your school's details were removed from this browser.");
  };

  Builder.prototype.say = function (message) {
    this.status.textContent = message;
  };

  Builder.prototype.snippet = function () {
    var topic = this.value("topic");
    var band = this.value("band");
    if (topic.indexOf("season:") === 0) {
      var id = topic.slice("season:".length);
      return this.data.snippets.filter(function (s) { return s.id === id; })[0] || null;
    }
    return this.data.snippets.filter(function (s) { return s.topic === topic && s.band === band; })[0] || null;
  };

  Builder.prototype.region = function () {
    var id = this.value("region");
    return this.data.regions.filter(function (r) { return r.id === id; })[0] || this.data.regions[0];
  };

  Builder.prototype.labelFor = function (band) {
    return this.data.bands.filter(function (b) { return b.id === band; })[0].label;
  };

  /* The Language choice as the parts' languages: "" -> ["en"], "pl" -> ["pl"], "en+pl" -> ["en", "pl"]. */
  Builder.prototype.codes = function () {
    var value = this.value("language");
    return value ? value.split("+") : ["en"];
  };

  /* The language's entry in the page's data: code, names, direction and the path of its file. */
  Builder.prototype.language = function (code) {
    return (this.data.languages || []).filter(function (l) { return l.code === code; })[0] || null;
  };

  Builder.prototype.languageName = function (code) {
    var language = this.language(code);
    return language ? language.name : code;
  };

  /* The first chosen language whose file has not been loaded yet, or null. */
  Builder.prototype.unloaded = function () {
    var self = this;
    return this.codes().filter(function (code) {
      return code !== "en" && self.language(code) && !self.languageData[code];
    })[0] || null;
  };

  /* Fetch a language's file once; then draw again. If it fails, say so and go back to English only. */
  Builder.prototype.load = function (code) {
    if (this.pending[code] || this.languageData[code]) { return; }
    this.pending[code] = true;
    this.say("");  /* an earlier failure's message no longer applies */
    var self = this;
    fetchData(this.language(code).data_url).then(function (data) {
      if (!data || data.code !== code || !data.snippets || typeof data.snippets !== "object" ||
          !data.strings || typeof data.strings !== "object") {
        throw new Error("not the " + code + " file");
      }
      return data;
    }).then(function (data) {
      delete self.pending[code];
      self.languageData[code] = data;
      self.render();
    }, function () {
      delete self.pending[code];
      self.failed(code);
    });
  };

  Builder.prototype.failed = function (code) {
    if (this.codes().indexOf(code) === -1) { return; }  /* no longer chosen: nothing to undo */
    var name = this.languageName(code);
    /* The saved choice is kept, so the language is tried again on the next visit. */
    this.controls.language.value = "";
    this.render();
    this.say("The " + name + " pieces could not be loaded: this device may be offline. The English piece " +
      "is shown and ready to copy. To try again, check the connection and choose " + name + " again.");
  };

  /* The piece in each chosen language: English, the translation, or both; null if one is missing. */
  Builder.prototype.parts = function (snippet) {
    var length = this.value("length");
    var region = this.region();
    var self = this;
    var codes = this.codes();
    var parts = codes.map(function (code) {
      if (code === "en") {
        return {
          code: "en", english: true, piece: snippet.pieces[length] || snippet.pieces.medium,
          kicker: snippet.audience_label, guide: snippet.guide_url, social: snippet.social,
          regionName: region.name, lead: region.safeguarding_lead, help: region.help_url
        };
      }
      var language = self.languageData[code];
      var translated = language ? language.snippets[snippet.id] : null;
      if (!translated) { return null; }
      var local = (language.regions || {})[region.id];
      return {
        code: code, english: false, language: language, rtl: language.dir === "rtl", strings: language.strings,
        piece: translated.pieces[length] || translated.pieces.medium, kicker: translated.audience_label,
        guide: translated.guide_url, englishGuide: snippet.guide_url, social: translated.social,
        regionName: local ? local.name : region.name, lead: local ? local.safeguarding_lead : region.safeguarding_lead,
        help: local ? local.help_url : region.help_url, alone: codes.length === 1
      };
    });
    return parts.indexOf(null) === -1 ? parts : null;
  };

  Builder.prototype.render = function () {
    this.renderPlan();
    var snippet = this.snippet();
    var seasonal = this.value("topic").indexOf("season:") === 0;
    this.controls.band.disabled = seasonal;
    this.bandNote.textContent = seasonal ? "This piece suits every age." : "";
    while (this.preview.firstChild) { this.preview.removeChild(this.preview.firstChild); }
    this.social.textContent = "";
    this.socialLong.textContent = "";
    this.card = null;
    this.signoffs = [];
    var waiting = this.unloaded();
    if (waiting) {
      Object.keys(this.buttons).forEach(function (key) { this.buttons[key].disabled = true; }, this);
      this.preview.setAttribute("aria-busy", "true");
      this.preview.appendChild(el("p", null, "Loading the " + this.languageName(waiting) + " pieces …"));
      this.load(waiting);
      return;
    }
    this.preview.removeAttribute("aria-busy");
    var parts = snippet ? this.parts(snippet) : null;
    var enabled = Boolean(parts);
    Object.keys(this.buttons).forEach(function (key) { this.buttons[key].disabled = !enabled; }, this);
    if (!snippet) {
      var topic = this.value("topic");
      var bands = this.data.snippets.filter(function (s) { return s.topic === topic && s.band; })
        .map(function (s) { return this.labelFor(s.band); }, this);
      this.preview.appendChild(el("p", null, bands.length
        ? "There is no piece on this topic for this age yet. Pieces on this topic: " + bands.join(", ") + "."
        : "There is no piece on this topic yet. Please choose another topic."));
      return;
    }
    if (!parts) {
      var missing = this.codes().filter(function (code) { return code !== "en"; })[0];
      this.preview.appendChild(el("p", null, "This piece has not been translated into " +
        this.languageName(missing) + " yet. Choose English only, or another piece."));
      return;
    }
    var card = el("div", STYLES.card);
    var self = this;
    parts.forEach(function (part, index) {
      card.appendChild(self.partNode(part, index));
    });
    this.from = el("p", STYLES.from);
    card.appendChild(this.from);
    this.card = card;
    this.renderSignoff();
    this.preview.appendChild(card);
    this.social.textContent = this.socialText(false);
    this.socialLong.textContent = this.socialText(true);
  };

  Builder.prototype.partNode = function (part, index) {
    var node = el("div", index > 0 ? STYLES.part : null);
    if (!part.english) {
      node.lang = part.code;
      node.dir = part.language.dir;
      if (part.rtl) {
        node.setAttribute("align", "right");
        Object.keys(STYLES.rtl).forEach(function (name) { node.style.setProperty(name, STYLES.rtl[name]); });
      }
      var note = el("p", STYLES.note, part.strings.newsletter_translation_note + (part.alone ? " " : ""));
      if (part.alone) {
        var english = el("a", STYLES.link, part.strings.read_in_english);
        english.href = resolve(part.englishGuide, this.root);
        note.appendChild(english);
      }
      node.appendChild(note);
    }
    var kicker = el("p", STYLES.kicker, part.kicker);
    if (part.rtl) { Object.keys(STYLES.rtlKicker).forEach(function (n) { kicker.style.setProperty(n, STYLES.rtlKicker[n]); }); }
    node.appendChild(kicker);
    node.appendChild(el("h3", STYLES.headline, part.piece.headline));
    appendBody(node, part.piece.body, this.root);
    if (part.rtl) {
      Array.prototype.forEach.call(node.querySelectorAll("ul, ol"), function (list) {
        list.style.setProperty("padding", STYLES.rtlList.padding);
      });
    }
    var cta = el("p", STYLES.cta);
    var button = el("a", STYLES.button, part.piece.call_to_action);
    button.href = resolve(part.guide, this.root);
    cta.appendChild(button);
    node.appendChild(cta);
    var signoff = el("div");
    node.appendChild(signoff);
    this.signoffs.push({ node: signoff, part: part });
    return node;
  };

  Builder.prototype.worriedLine = function (part) {
    var lead = this.value("lead");
    var contact = this.value("contact");
    if (part && !part.english) {
      return worriedIn(part.strings.newsletter_worried, part.lead, lead, contact);
    }
    return "If you are worried about a child, please talk to our " + this.region().safeguarding_lead +
      (lead ? ", " + lead : "") + (contact ? " (" + contact + ")" : "") + ".";
  };

  Builder.prototype.whereHelp = function (part) {
    var text = part.english ? ENGLISH.newsletter_where_help : part.strings.newsletter_where_help;
    return text.split("{region}").join(part.regionName);
  };

  Builder.prototype.renderSignoff = function () {
    if (!this.card) { return; }
    var self = this;
    this.signoffs = this.signoffs.map(function (entry) {
      var signoff = el("div");
      signoff.appendChild(el("p", STYLES.signoff, self.worriedLine(entry.part)));
      var help = el("p", STYLES.signoff);
      var link = el("a", STYLES.link, self.whereHelp(entry.part));
      link.href = resolve(entry.part.help, self.root);
      help.appendChild(link);
      signoff.appendChild(help);
      entry.node.parentNode.replaceChild(signoff, entry.node);
      return { node: signoff, part: entry.part };
    });
    this.from.textContent = this.value("school") || PLACEHOLDER_SCHOOL;
  };

  Builder.prototype.partLines = function (part) {
    var lines = [];
    if (!part.english) {
      lines.push(part.strings.newsletter_translation_note);
      if (part.alone) { lines.push(part.strings.read_in_english + ":", resolve(part.englishGuide, this.root)); }
      lines.push("");
    }
    lines.push(part.piece.headline, "", bodyText(part.piece.body, this.root), "",
      part.piece.call_to_action, resolve(part.guide, this.root), "",
      this.worriedLine(part), "",
      this.whereHelp(part) + ":", resolve(part.help, this.root));
    return part.rtl ? markRtl(lines.join("\n").split("\n")) : lines;
  };

  Builder.prototype.plainText = function () {
    var parts = this.parts(this.snippet());
    var self = this;
    var lines = [];
    parts.forEach(function (part, index) {
      if (index > 0) { lines.push("", SEPARATOR, ""); }
      lines = lines.concat(self.partLines(part));
    });
    lines.push("", this.value("school") || PLACEHOLDER_SCHOOL);
    return lines.join("\n") + "\n";
  };

  Builder.prototype.socialText = function (long) {
    var root = this.root;
    return this.parts(this.snippet()).map(function (part) {
      if (long) { return part.social.long; }
      return part.social.short.split("{link}").join(resolve(part.guide, root) + (part.rtl ? LRM : ""));
    }).join("\n\n");
  };

  Builder.prototype.copySocialLong = function () {
    var self = this;
    copy({ "text/plain": this.socialText(true) }).then(function (done) {
      self.say(done ? "Copied the long social post." : "Copying did not work here. Select the post and copy it yourself.");
    });
  };

  /* --- a term's plan: the order comes from the page's data (term_plan, made by the same code as
     the command line's term plan); this script only adds a week's date to each piece. --------- */

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];

  function weekLabel(day) {
    return "Week of " + day.getUTCDate() + " " + MONTHS[day.getUTCMonth()] + " " + day.getUTCFullYear();
  }

  Builder.prototype.setUpPlan = function () {
    var self = this;
    this.plan = {
      start: document.getElementById("nl-plan-start"),
      weeks: document.getElementById("nl-plan-weeks"),
      list: document.getElementById("nl-plan"),
      status: document.getElementById("nl-plan-status")
    };
    if (!this.plan.start || !this.plan.list) { this.plan = null; return; }
    document.getElementById("nl-plan-form").addEventListener("submit", function (event) { event.preventDefault(); });
    [this.plan.start, this.plan.weeks].forEach(function (control) {
      control.addEventListener("input", function () { self.renderPlan(); });
      control.addEventListener("change", function () { self.renderPlan(); });
    });
  };

  Builder.prototype.renderPlan = function () {
    if (!this.plan) { return; }
    /* Redrawn only when its inputs change: a "change" event that follows "input" (when the field
       loses focus to a click on "Show this piece") must not replace the button being clicked. */
    var key = [this.value("band"), this.plan.start.value, this.plan.weeks.value].join("|");
    if (key === this.plan.key) { return; }
    this.plan.key = key;
    var list = this.plan.list;
    while (list.firstChild) { list.removeChild(list.firstChild); }
    var band = this.value("band");
    var order = (this.data.term_plan || {})[band] || [];
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(this.plan.start.value);
    var weeks = parseInt(this.plan.weeks.value, 10);
    var max = parseInt(this.plan.weeks.max, 10) || 52;
    if (!match) {
      this.plan.status.textContent = "Give the first week of term to see the plan.";
      return;
    }
    if (!(weeks >= 1 && weeks <= max)) {
      this.plan.status.textContent = "Give a number of weeks from 1 to " + max + ".";
      return;
    }
    if (!order.length) {
      this.plan.status.textContent = "There are no pieces for this age yet.";
      return;
    }
    var start = Date.UTC(+match[1], +match[2] - 1, +match[3]);
    var self = this;
    for (var k = 0; k < weeks; k += 1) {
      var id = order[k % order.length];
      var snippet = this.data.snippets.filter(function (s) { return s.id === id; })[0];
      if (!snippet) { continue; }
      var item = el("li");
      item.appendChild(el("strong", null, weekLabel(new Date(start + k * 7 * 86400000))));
      var topic = this.data.topics.filter(function (t) { return t.id === snippet.topic; })[0];
      item.appendChild(document.createTextNode(": " + (topic ? topic.title : snippet.topic) + " (" + snippet.band_label + ") "));
      var show = el("button", null, "Show this piece");
      show.type = "button";
      show.className = "md-button nl-plan__show";
      show.setAttribute("data-snippet", snippet.id);
      show.addEventListener("click", function (event) { self.showPiece(event.currentTarget.getAttribute("data-snippet")); });
      item.appendChild(show);
      list.appendChild(item);
    }
    this.plan.status.textContent = weeks === 1 ? "1 week planned." : weeks + " weeks planned.";
  };

  Builder.prototype.showPiece = function (id) {
    var snippet = this.data.snippets.filter(function (s) { return s.id === id; })[0];
    if (!snippet) { return; }
    this.controls.topic.value = snippet.band ? snippet.topic : "season:" + snippet.id;
    if (snippet.band) { this.controls.band.value = snippet.band; }
    this.save();
    this.render();
    var heading = document.getElementById("nl-preview-heading");
    heading.setAttribute("tabindex", "-1");
    heading.scrollIntoView();
    heading.focus();
  };

  Builder.prototype.copyEmail = function () {
    var self = this;
    copy({ "text/html": this.card.outerHTML, "text/plain": this.plainText() }).then(function (done) {
      self.say(done ? "Copied, with its formatting. Paste it into your email or newsletter."
        : "Copying did not work here. Select the preview and copy it yourself.");
    });
  };

  Builder.prototype.copyText = function () {
    var self = this;
    copy({ "text/plain": this.plainText() }).then(function (done) {
      self.say(done ? "Copied as plain text." : "Copying did not work here. Select the preview and copy it yourself.");
    });
  };

  Builder.prototype.copySocial = function () {
    var self = this;
    copy({ "text/plain": this.socialText(false) }).then(function (done) {
      self.say(done ? "Copied the short social post." : "Copying did not work here. Select the post and copy it yourself.");
    });
  };

  /* Copy through the Clipboard API, or through a copy event where that is not available. */
  function copy(items) {
    if (navigator.clipboard && window.ClipboardItem && window.isSecureContext) {
      var blobs = {};
      Object.keys(items).forEach(function (type) { blobs[type] = new Blob([items[type]], { type: type }); });
      return navigator.clipboard.write([new window.ClipboardItem(blobs)]).then(function () { return true; },
        function () { return Promise.resolve(copyByEvent(items)); });
    }
    return Promise.resolve(copyByEvent(items));
  }

  function copyByEvent(items) {
    var handled = false;
    function onCopy(event) {
      Object.keys(items).forEach(function (type) { event.clipboardData.setData(type, items[type]); });
      event.preventDefault();
      handled = true;
    }
    document.addEventListener("copy", onCopy);
    try { document.execCommand("copy"); } catch (error) { handled = false; }
    document.removeEventListener("copy", onCopy);
    return handled;
  }

  /* A JSON file of this site (a path from the site root), from the page's own origin only, as the
     site's Content-Security-Policy (connect-src 'self') also insists. */
  function fetchData(path) {
    if (typeof path !== "string" || !path) { return Promise.reject(new Error("no file")); }
    var url = new URL(path.replace(/^\/+/, ""), siteRoot());
    if (url.origin !== window.location.origin) { return Promise.reject(new Error("data must be same-origin")); }
    return fetch(url.href, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) { throw new Error("could not load " + url.href); }
      return response.json();
    });
  }

  function loadData() {
    var block = document.getElementById("newsletter-builder-data");
    if (!block) { return Promise.reject(new Error("no data")); }
    try { return Promise.resolve(JSON.parse(block.textContent)); } catch (error) { return Promise.reject(error); }
  }

  function start() {
    var container = document.getElementById("nl-builder");
    if (!container || container.getAttribute("data-ready") === "yes") { return; }
    container.setAttribute("data-ready", "yes");
    loadData().then(function (data) {
      container.builder = new Builder(container, data);
    }).catch(function () {
      var status = document.getElementById("nl-status");
      if (status) { status.textContent = "The pieces could not be loaded. Please reload the page."; }
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
