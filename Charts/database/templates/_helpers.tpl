{{/* Chart name, truncated to the 63 characters Kubernetes allows. */}}
{{- define "database.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Fully qualified name: release-chart unless the release already contains the chart name. */}}
{{- define "database.fullname" -}}
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

{{- define "database.selectorLabels" -}}
app.kubernetes.io/name: {{ include "database.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Common labels; inside the platform umbrella the shared library adds its own. */}}
{{- define "database.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "database.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/component: database
{{- with .Values.global }}
{{- if .environment }}
environment: {{ .environment }}
{{- end }}
{{- if .platform }}
{{ include "platform-lib.partOfLabels" $ }}
{{- end }}
{{- end }}
{{- end }}

{{/* registry/repository:tag, the global registry winning over the chart's. */}}
{{- define "database.image" -}}
{{- $registry := .Values.image.registry }}
{{- if and .Values.global .Values.global.imageRegistry }}
{{- $registry = .Values.global.imageRegistry }}
{{- end }}
{{- printf "%s/%s:%s" $registry .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}

{{- define "database.secretName" -}}
{{- .Values.auth.existingSecret | default (printf "%s-auth" (include "database.fullname" .)) }}
{{- end }}

{{- define "database.storageClassName" -}}
{{- if .Values.storageClass.create }}{{ .Values.storageClass.name }}{{ end }}
{{- end }}
