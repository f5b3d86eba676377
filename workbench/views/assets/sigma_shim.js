/* A minimal stand-in for @jupyter-widgets/base, so that ipysigma's own bundle (installed with the
   Python package) runs in a plain page with no kernel and no CDN. The model holds the widget's saved
   state; the view is an element. ipysigma uses only get / set / on, touch and the displayed promise.
   The bundle is an AMD module: ``define`` below hands it the stand-in and keeps what it exports. */
"use strict";
var WBSigma = {};
(function () {
  function DOMWidgetModel(attributes) {
    this._handlers = {};
    this.attributes = Object.assign({}, this.defaults(), attributes || {});
  }
  DOMWidgetModel.prototype.defaults = function () { return {}; };
  DOMWidgetModel.prototype.get = function (key) { return this.attributes[key]; };
  DOMWidgetModel.prototype.set = function (key, value) {
    var changes = {}, self = this;
    if (typeof key === "object") changes = key; else changes[key] = value;
    Object.keys(changes).forEach(function (k) { self.attributes[k] = changes[k]; self.trigger("change:" + k, self, changes[k]); });
    this.trigger("change", this);
  };
  DOMWidgetModel.prototype.on = function (names, fn, ctx) {
    var self = this;
    String(names).split(/\s+/).forEach(function (n) { (self._handlers[n] = self._handlers[n] || []).push([fn, ctx]); });
    return this;
  };
  DOMWidgetModel.prototype.off = function () { return this; };
  DOMWidgetModel.prototype.trigger = function (name) {
    var args = Array.prototype.slice.call(arguments, 1), self = this;
    (this._handlers[name] || []).slice().forEach(function (h) { h[0].apply(h[1] || self, args); });
  };
  DOMWidgetModel.prototype.save_changes = function () {};
  DOMWidgetModel.prototype.save = function () {};
  DOMWidgetModel.prototype.send = function () {};
  DOMWidgetModel.serializers = {};

  function DOMWidgetView(options) {
    var self = this;
    this.options = options || {};
    this.model = this.options.model;
    this.el = this.options.el || document.createElement("div");
    this.displayed = new Promise(function (resolve) { self._resolveDisplayed = resolve; });
  }
  DOMWidgetView.prototype.render = function () {};
  DOMWidgetView.prototype.touch = function () {};
  DOMWidgetView.prototype.send = function () {};
  DOMWidgetView.prototype.remove = function () {};
  DOMWidgetView.prototype.listenTo = function (obj, name, fn) { obj.on(name, fn, this); };
  DOMWidgetView.prototype.stopListening = function () {};

  WBSigma.base = {DOMWidgetModel: DOMWidgetModel, DOMWidgetView: DOMWidgetView, WidgetModel: DOMWidgetModel,
                  WidgetView: DOMWidgetView};
  window.define = function (deps, factory) {
    WBSigma.module = factory.apply(null, deps.map(function (d) { return d === "@jupyter-widgets/base" ? WBSigma.base : undefined; }));
  };
})();
