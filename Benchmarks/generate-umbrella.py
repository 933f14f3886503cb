#!/usr/bin/env python3
"""Generates an umbrella chart with N subcharts for the scaling benchmark.

    Benchmarks/generate-umbrella.py N [OUTDIR]     (default OUTDIR: .build/bench-umbrella)

writes OUTDIR/umbrella-N/: a parent chart whose Chart.yaml lists N
dependencies vendored under charts/, each a small app chart in the style of
`helm create` (helpers, deployment, service, configmap, serviceaccount, values),
plus parent values that override some subchart values and set globals.
Output is deterministic; nothing generated is committed.
"""

import os
import shutil
import sys

HELPERS = '''{{/* Chart name, truncated to 63 characters. */}}
{{- define "NAME.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "NAME.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "NAME.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "NAME.selectorLabels" -}}
app.kubernetes.io/name: {{ include "NAME.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "NAME.labels" -}}
helm.sh/chart: {{ include "NAME.chart" . }}
{{ include "NAME.selectorLabels" . }}
{{- if .Chart.AppVersion }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- with .Values.global.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{- define "NAME.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "NAME.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "NAME.image" -}}
{{- $registry := .Values.global.imageRegistry | default .Values.image.registry -}}
{{ $registry }}/{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end }}
'''

DEPLOYMENT = '''apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "NAME.fullname" . }}
  labels:
    {{- include "NAME.labels" . | nindent 4 }}
spec:
  {{- if not .Values.autoscaling.enabled }}
  replicas: {{ .Values.replicaCount }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "NAME.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      annotations:
        checksum/config: {{ include (print $.Template.BasePath "/configmap.yaml") . | sha256sum }}
        {{- with .Values.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      labels:
        {{- include "NAME.labels" . | nindent 8 }}
        {{- with .Values.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      {{- with .Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      serviceAccountName: {{ include "NAME.serviceAccountName" . }}
      securityContext:
        {{- toYaml .Values.podSecurityContext | nindent 8 }}
      containers:
        - name: {{ .Chart.Name }}
          securityContext:
            {{- toYaml .Values.securityContext | nindent 12 }}
          image: "{{ include "NAME.image" . }}"
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          ports:
            - name: http
              containerPort: {{ .Values.service.targetPort }}
              protocol: TCP
          env:
            {{- range $key, $value := .Values.env }}
            - name: {{ $key }}
              value: {{ $value | quote }}
            {{- end }}
          envFrom:
            - configMapRef:
                name: {{ include "NAME.fullname" . }}
          livenessProbe:
            {{- toYaml .Values.livenessProbe | nindent 12 }}
          readinessProbe:
            {{- toYaml .Values.readinessProbe | nindent 12 }}
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
      {{- with .Values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .Values.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
'''

SERVICE = '''apiVersion: v1
kind: Service
metadata:
  name: {{ include "NAME.fullname" . }}
  labels:
    {{- include "NAME.labels" . | nindent 4 }}
  {{- with .Values.service.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  type: {{ .Values.service.type }}
  ports:
    - port: {{ .Values.service.port }}
      targetPort: http
      protocol: TCP
      name: http
  selector:
    {{- include "NAME.selectorLabels" . | nindent 4 }}
'''

CONFIGMAP = '''apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "NAME.fullname" . }}
  labels:
    {{- include "NAME.labels" . | nindent 4 }}
data:
  {{- range $key, $value := .Values.config }}
  {{ $key | upper | replace "." "_" }}: {{ tpl (toString $value) $ | quote }}
  {{- end }}
  settings.json: |
    {{- toJson .Values.settings | nindent 4 }}
'''

SERVICEACCOUNT = '''{{- if .Values.serviceAccount.create -}}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "NAME.serviceAccountName" . }}
  labels:
    {{- include "NAME.labels" . | nindent 4 }}
  {{- with .Values.serviceAccount.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
automountServiceAccountToken: {{ .Values.serviceAccount.automount }}
{{- end }}
'''

VALUES = '''replicaCount: {replicas}
image:
  registry: docker.io
  repository: example/{name}
  pullPolicy: IfNotPresent
  tag: ""
imagePullSecrets: []
nameOverride: ""
fullnameOverride: ""
serviceAccount:
  create: true
  automount: true
  annotations: {{}}
  name: ""
podAnnotations: {{}}
podLabels:
  tier: backend
  team: team-{team}
podSecurityContext:
  fsGroup: 2000
  runAsNonRoot: true
securityContext:
  capabilities:
    drop:
    - ALL
  readOnlyRootFilesystem: true
  runAsUser: 1000
service:
  type: ClusterIP
  port: {port}
  targetPort: 8080
  annotations: {{}}
env:
  LOG_LEVEL: info
  SERVICE_NAME: {name}
  WORKERS: "4"
config:
  app.name: {name}
  app.release: "{{{{ .Release.Name }}}}-{name}"
  db.host: postgres.{{{{ .Release.Namespace }}}}.svc
  cache.ttl: 300
settings:
  features:
    search: true
    export: false
  limits:
    requests: 1000
    burst: 50
livenessProbe:
  httpGet:
    path: /healthz
    port: http
  initialDelaySeconds: 10
readinessProbe:
  httpGet:
    path: /ready
    port: http
resources:
  limits:
    cpu: 500m
    memory: 256Mi
  requests:
    cpu: 100m
    memory: 128Mi
autoscaling:
  enabled: false
nodeSelector: {{}}
tolerations: []
global:
  imageRegistry: ""
  commonLabels: {{}}
'''


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as fh:
        fh.write(text)


def generate(n: int, outdir: str) -> str:
    root = os.path.join(outdir, f"umbrella-{n}")
    if os.path.exists(root):
        shutil.rmtree(root)
    deps, overrides = [], []
    for i in range(1, n + 1):
        name = f"app-{i:03d}"
        sub = os.path.join(root, "charts", name)
        write(os.path.join(sub, "Chart.yaml"),
              f"apiVersion: v2\nname: {name}\ndescription: Service {i} of the umbrella benchmark\n"
              f"type: application\nversion: 1.{i % 7}.{i}\nappVersion: \"2.{i % 5}.0\"\n")
        write(os.path.join(sub, "values.yaml"),
              VALUES.format(name=name, replicas=1 + i % 3, team=i % 9, port=8000 + i))
        for file, text in [("_helpers.tpl", HELPERS), ("deployment.yaml", DEPLOYMENT), ("service.yaml", SERVICE),
                           ("configmap.yaml", CONFIGMAP), ("serviceaccount.yaml", SERVICEACCOUNT)]:
            write(os.path.join(sub, "templates", file), text.replace("NAME", name))
        deps.append(f"  - name: {name}\n    version: 1.{i % 7}.{i}\n    repository: file://charts/{name}\n")
        if i % 4 == 0:
            overrides.append(f"{name}:\n  replicaCount: 3\n  env:\n    LOG_LEVEL: debug\n"
                             f"  resources:\n    limits:\n      memory: 512Mi\n")
    write(os.path.join(root, "Chart.yaml"),
          f"apiVersion: v2\nname: umbrella-{n}\ndescription: Umbrella chart with {n} subcharts\n"
          f"type: application\nversion: 0.1.0\nappVersion: \"1.0\"\ndependencies:\n" + "".join(deps))
    write(os.path.join(root, "values.yaml"),
          "global:\n  imageRegistry: registry.example.com\n  commonLabels:\n    platform: bench\n"
          + "".join(overrides))
    return root


def main() -> int:
    if len(sys.argv) < 2 or not sys.argv[1].isdigit():
        print(__doc__, file=sys.stderr)
        return 2
    outdir = sys.argv[2] if len(sys.argv) > 2 else os.path.join(".build", "bench-umbrella")
    print(generate(int(sys.argv[1]), outdir))
    return 0


if __name__ == "__main__":
    sys.exit(main())
