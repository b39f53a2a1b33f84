#!/usr/bin/env node
// Offline checks of deploy/, no cluster and no container engine needed:
//  - every object in deploy/k8s/*.yaml against the Kubernetes API schemas
//    (kubernetes-models, pinned in tools/package-lock.json);
//  - the rules deploy/README.md promises for the manifests, compose.yaml and
//    the Dockerfile (non-root, read-only root, gRPC probes, token secret,
//    ports on 127.0.0.1, ...), which the schemas alone cannot express.
// Usage: node tests/deploy/validate_deploy.js [REPO_ROOT]; exit 0 when all hold.
'use strict';

const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');

const root = path.resolve(process.argv[2] || path.join(__dirname, '..', '..'));
const toolsRequire = createRequire(path.join(root, 'tools', 'package.json'));
const YAML = toolsRequire('yaml');

const failures = [];
function check(ok, what) {
  if (!ok) failures.push(what);
}

// YAML 1.1, as Kubernetes and compose read it (0440 is octal there).
function loadYaml(file) {
  const docs = YAML.parseAllDocuments(fs.readFileSync(file, 'utf8'), { version: '1.1' });
  return docs
    .map((doc) => {
      if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0].message}`);
      return doc.toJS();
    })
    .filter((obj) => obj !== null);
}

// The kubernetes-models class of an object: apiVersion "apps/v1" lives in
// kubernetes-models/apps/v1, "v1" in kubernetes-models/v1.
function modelClass(obj) {
  let models;
  try {
    models = toolsRequire(`kubernetes-models/${obj.apiVersion}`);
  } catch (e) {
    return undefined;
  }
  return models[obj.kind];
}

// Schema errors of `obj`, or "" when it is valid.
function schemaErrors(obj) {
  const Model = modelClass(obj);
  if (!Model) return `unknown apiVersion/kind ${obj.apiVersion}/${obj.kind}`;
  try {
    new Model(JSON.parse(JSON.stringify(obj))).validate();
    return '';
  } catch (e) {
    return e.message;
  }
}

// "--name=value" from an argument list.
function flag(args, name) {
  const arg = (args || []).find((a) => a.startsWith(`--${name}=`));
  return arg === undefined ? undefined : arg.slice(name.length + 3);
}

// Seconds of a duration such as "10s", "1m30s" or "15s".
function seconds(duration) {
  const units = { h: 3600, m: 60, s: 1, ms: 0.001 };
  let total = 0;
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s)/g;
  let m;
  while ((m = re.exec(duration)) !== null) total += Number(m[1]) * units[m[2]];
  return total;
}

function under(file, dir) {
  return file === dir || file.startsWith(dir.endsWith('/') ? dir : `${dir}/`);
}

const kDefaultShutdownGrace = 10; // summit_ingest and summit_query's --shutdown_grace

// ---- deploy/k8s
const k8sDir = path.join(root, 'deploy', 'k8s');
const objects = [];
for (const file of fs.readdirSync(k8sDir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
  for (const obj of loadYaml(path.join(k8sDir, file))) {
    const where = `deploy/k8s/${file}: ${obj.kind} ${obj.metadata && obj.metadata.name}`;
    const errors = schemaErrors(obj);
    check(errors === '', `${where}: ${errors}`);
    objects.push({ obj, where });
  }
}

const statefulSets = objects.filter((o) => o.obj.kind === 'StatefulSet');
const services = objects.filter((o) => o.obj.kind === 'Service');
check(statefulSets.length === 1, 'deploy/k8s: exactly one StatefulSet');
check(services.length >= 2, 'deploy/k8s: a Service per gRPC port');

// The validator itself must reject broken objects, or the checks above prove nothing.
if (statefulSets.length === 1) {
  const broken = JSON.parse(JSON.stringify(statefulSets[0].obj));
  broken.spec.template.spec.containers[0].ports[0].containerPort = 'grpc';
  check(schemaErrors(broken) !== '', 'validator accepted a string containerPort');
  const noSelector = JSON.parse(JSON.stringify(statefulSets[0].obj));
  delete noSelector.spec.selector;
  check(schemaErrors(noSelector) !== '', 'validator accepted a StatefulSet without selector');
}

for (const { obj, where } of statefulSets) {
  const spec = obj.spec;
  const pod = spec.template.spec;
  const podSec = pod.securityContext || {};
  const labels = spec.template.metadata.labels || {};
  check(spec.replicas === 1, `${where}: replicas 1 (one writer per database)`);
  check(
    Object.entries(spec.selector.matchLabels || {}).every(([k, v]) => labels[k] === v),
    `${where}: selector matches the pod's labels`,
  );
  check(
    services.some((s) => s.obj.metadata.name === spec.serviceName && s.obj.spec.clusterIP === 'None'),
    `${where}: serviceName ${spec.serviceName} is a headless Service`,
  );
  check(pod.automountServiceAccountToken === false, `${where}: no service account token`);

  const claims = (spec.volumeClaimTemplates || []).map((c) => c.metadata.name);
  check(claims.length === 1, `${where}: one PersistentVolumeClaim`);
  const volumes = Object.fromEntries((pod.volumes || []).map((v) => [v.name, v]));
  const names = { ingest: undefined, query: undefined };
  const portNames = new Set();
  let longestGrace = kDefaultShutdownGrace;

  for (const c of pod.containers) {
    const at = `${where}: container ${c.name}`;
    const sec = c.securityContext || {};
    check(
      sec.runAsNonRoot === true || (podSec.runAsNonRoot === true && sec.runAsNonRoot !== false),
      `${at}: runAsNonRoot`,
    );
    const uid = sec.runAsUser !== undefined ? sec.runAsUser : podSec.runAsUser;
    check(Number.isInteger(uid) && uid > 0, `${at}: a numeric non-root runAsUser`);
    check(sec.readOnlyRootFilesystem === true, `${at}: readOnlyRootFilesystem`);
    check(sec.allowPrivilegeEscalation === false, `${at}: allowPrivilegeEscalation false`);
    check(
      ((sec.capabilities || {}).drop || []).includes('ALL') && !(sec.capabilities || {}).add,
      `${at}: capabilities drop ALL, add none`,
    );
    const res = c.resources || {};
    for (const kind of ['requests', 'limits']) {
      for (const r of ['cpu', 'memory']) {
        check(res[kind] && res[kind][r] !== undefined, `${at}: resources.${kind}.${r}`);
      }
    }

    const ports = c.ports || [];
    check(ports.length === 1, `${at}: one port`);
    for (const p of ports) {
      check(!portNames.has(p.name), `${at}: port name ${p.name} unique in the pod`);
      portNames.add(p.name);
      check(/^grpc(-|$)/.test(p.name || ''), `${at}: port ${p.containerPort} named grpc*`);
    }
    const port = ports.length ? ports[0].containerPort : undefined;
    check(
      flag(c.args, 'listen') === `0.0.0.0:${port}`,
      `${at}: --listen=0.0.0.0:${port} (the probes and Services reach it)`,
    );
    for (const probe of ['readinessProbe', 'livenessProbe']) {
      const p = c[probe] || {};
      check(p.grpc && p.grpc.port === port, `${at}: ${probe} is a native gRPC probe on ${port}`);
    }

    const mounts = c.volumeMounts || [];
    for (const m of mounts) {
      check(
        volumes[m.name] !== undefined || claims.includes(m.name),
        `${at}: volumeMount ${m.name} has a volume`,
      );
    }
    const data = mounts.find((m) => claims.includes(m.name));
    check(data && data.mountPath === '/var/lib/summit', `${at}: the claim at /var/lib/summit`);
    check(under(flag(c.args, 'db_path') || '', '/var/lib/summit'), `${at}: --db_path on the claim`);

    const grace = flag(c.args, 'shutdown_grace');
    if (grace !== undefined) longestGrace = Math.max(longestGrace, seconds(grace));

    if (flag(c.args, 'auth_token_file') !== undefined) {
      names.ingest = c.name;
      const token = flag(c.args, 'auth_token_file');
      const secretMount = mounts.find(
        (m) => volumes[m.name] && volumes[m.name].secret && under(token, m.mountPath),
      );
      check(secretMount !== undefined, `${at}: --auth_token_file inside a Secret volume`);
      if (secretMount) {
        const secret = volumes[secretMount.name].secret;
        check(secret.optional !== true, `${at}: the token Secret is required`);
        // Readable by the pod's group (fsGroup) or everyone, never writable.
        check(
          secret.defaultMode === undefined || (secret.defaultMode & 0o222) === 0,
          `${at}: the token file is read-only (defaultMode ${secret.defaultMode})`,
        );
      }
      check(data && !data.readOnly, `${at}: the writer mounts the claim read-write`);
    }
    if (flag(c.args, 'secondary_path') !== undefined) {
      names.query = c.name;
      const secondary = flag(c.args, 'secondary_path');
      check(
        mounts.some((m) => volumes[m.name] && volumes[m.name].emptyDir && under(secondary, m.mountPath)),
        `${at}: --secondary_path on an emptyDir (the root filesystem is read-only)`,
      );
      check(data && data.readOnly === true, `${at}: the secondary mounts the claim read-only`);
    }
  }
  check(names.ingest && names.query, `${where}: both an ingest and a query container`);
  check(
    podSec.fsGroup !== undefined,
    `${where}: fsGroup, so that the non-root user can write the claim`,
  );
  check(
    pod.terminationGracePeriodSeconds >= longestGrace + 5,
    `${where}: terminationGracePeriodSeconds ${pod.terminationGracePeriodSeconds} covers ` +
      `--shutdown_grace ${longestGrace}s plus a margin`,
  );

  // Every Service selects this pod and targets one of its gRPC ports.
  const podPorts = new Map(
    pod.containers.flatMap((c) => (c.ports || []).map((p) => [p.name, p.containerPort])),
  );
  for (const { obj: svc, where: at } of services) {
    check(
      Object.entries(svc.spec.selector || {}).every(([k, v]) => labels[k] === v),
      `${at}: selects the StatefulSet's pod`,
    );
    for (const p of svc.spec.ports || []) {
      const target = p.targetPort === undefined ? p.port : p.targetPort;
      check(
        typeof target === 'string' ? podPorts.has(target) : [...podPorts.values()].includes(target),
        `${at}: targetPort ${target} is a port of the pod`,
      );
    }
    if (svc.spec.clusterIP !== 'None') {
      check(
        (svc.spec.ports || []).length === 1 && svc.spec.ports[0].name === 'grpc',
        `${at}: one port, named grpc`,
      );
    }
  }
  for (const name of podPorts.keys()) {
    check(
      services.some(
        (s) => s.obj.spec.clusterIP !== 'None' && s.obj.spec.ports.some((p) => p.targetPort === name),
      ),
      `${where}: port ${name} has its own Service`,
    );
  }
}

// ---- deploy/Dockerfile: stages, their final settings (inherited FROM an
// earlier stage), and the defaults compose relies on.
const dockerfile = fs
  .readFileSync(path.join(root, 'deploy', 'Dockerfile'), 'utf8')
  .replace(/\\\n/g, ' ')
  .split('\n')
  .filter((l) => l.trim() && !l.trim().startsWith('#'));
const stages = {};
let stage;
for (const line of dockerfile) {
  const [, instr, rest] = line.trim().match(/^(\w+)\s+(.*)$/) || [];
  if (!instr) continue;
  if (instr.toUpperCase() === 'FROM') {
    const [, base, name] = rest.match(/^(\S+)(?:\s+AS\s+(\S+))?/i);
    stage = { base, settings: {} };
    if (stages[base]) Object.assign(stage.settings, stages[base].settings);
    if (name) stages[name] = stage;
  } else if (stage) {
    stage.settings[instr.toUpperCase()] = rest.trim();
  }
}
function baseImage(name) {
  let s = stages[name];
  while (s && stages[s.base]) s = stages[s.base];
  return s && s.base;
}
const images = {};
for (const target of ['ingest', 'query']) {
  const s = stages[target];
  const at = `deploy/Dockerfile: target ${target}`;
  check(s !== undefined, `${at} exists`);
  if (!s) continue;
  const set = s.settings;
  check(
    ['debian:bookworm-slim', '${DEBIAN_IMAGE}'].includes(baseImage(target)),
    `${at}: from debian:bookworm-slim`,
  );
  let entrypoint;
  let cmd;
  try {
    entrypoint = JSON.parse(set.ENTRYPOINT);
    cmd = JSON.parse(set.CMD);
  } catch (e) {
    entrypoint = undefined;
  }
  check(Array.isArray(entrypoint) && Array.isArray(cmd), `${at}: exec-form ENTRYPOINT and CMD`);
  check(/^[1-9]\d*(:\d+)?$/.test(set.USER || ''), `${at}: a numeric non-root USER`);
  check(/\/var\/lib\/summit\b/.test(set.VOLUME || ''), `${at}: VOLUME /var/lib/summit`);
  check(/^\d+$/.test(set.EXPOSE || ''), `${at}: EXPOSE its port`);
  images[target] = { cmd: cmd || [], port: Number(set.EXPOSE) };
}

// ---- deploy/compose.yaml
const [compose] = loadYaml(path.join(root, 'deploy', 'compose.yaml'));
const svcs = compose.services || {};
check(svcs.ingest && svcs.query, 'deploy/compose.yaml: services ingest and query');
const dataVolumes = {};
for (const [name, svc] of Object.entries(svcs)) {
  const at = `deploy/compose.yaml: ${name}`;
  const image = images[name] || { cmd: [] };
  check(svc.init === true, `${at}: init: true`);
  check(['always', 'unless-stopped', 'on-failure'].includes(svc.restart), `${at}: restart policy`);
  check(svc.read_only === true, `${at}: read_only`);
  check((svc.cap_drop || []).includes('ALL'), `${at}: cap_drop ALL`);
  check(seconds(svc.stop_grace_period || '') > kDefaultShutdownGrace, `${at}: stop_grace_period > --shutdown_grace`);
  check(svc.build && svc.build.target === name, `${at}: builds --target ${name}`);
  const test = ((svc.healthcheck || {}).test || []).join(' ');
  check(
    test.includes('summitctl health') && test.includes(`127.0.0.1:${image.port}`),
    `${at}: healthcheck is summitctl health on its port`,
  );
  const ports = svc.ports || [];
  check(ports.length > 0, `${at}: publishes its port`);
  for (const p of ports) {
    check(
      typeof p === 'string' && p.startsWith('127.0.0.1:') && p.endsWith(`:${image.port}`),
      `${at}: port ${p} published on 127.0.0.1 only`,
    );
  }
  for (const v of svc.volumes || []) {
    const [source, target, mode] = String(v).split(':');
    if (target === '/var/lib/summit') dataVolumes[name] = { source, mode };
  }
  const writable = [].concat(svc.tmpfs || []).map((t) => t.split(':')[0]);
  const secondary = flag(image.cmd, 'secondary_path');
  if (secondary !== undefined) {
    check(writable.some((t) => under(secondary, t)), `${at}: a tmpfs for ${secondary}`);
  }
  const token = flag(image.cmd, 'auth_token_file');
  if (token !== undefined) {
    const secrets = (svc.secrets || []).map((s) => (typeof s === 'string' ? s : s.source));
    check(
      secrets.some((s) => token === `/run/secrets/${s}` && compose.secrets && compose.secrets[s].file),
      `${at}: the image's --auth_token_file ${token} is a file secret`,
    );
  }
}
check(
  dataVolumes.ingest &&
    dataVolumes.query &&
    dataVolumes.ingest.source === dataVolumes.query.source &&
    compose.volumes &&
    dataVolumes.ingest.source in compose.volumes,
  'deploy/compose.yaml: ingest and query share one named volume at /var/lib/summit',
);
check(dataVolumes.query && dataVolumes.query.mode === 'ro', 'deploy/compose.yaml: query mounts it read-only');
check(
  svcs.query && ((svcs.query.depends_on || {}).ingest || {}).condition === 'service_healthy',
  'deploy/compose.yaml: query waits for a healthy ingest',
);

if (failures.length) {
  for (const f of failures) console.error(`FAIL ${f}`);
  process.exit(1);
}
console.log(
  `deploy/ valid: ${objects.length} Kubernetes objects (schemas of kubernetes-models ` +
    `${toolsRequire('kubernetes-models/package.json').version}), Dockerfile targets and compose.yaml`,
);
