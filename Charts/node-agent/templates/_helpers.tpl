{{- define "node-agent.fullname" -}}
{{- if contains .Chart.Name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{- define "node-agent.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "node-agent.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{ include "node-agent.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- with .Values.global }}
{{- if .environment }}
environment: {{ .environment }}
{{- end }}
{{- if .platform }}
{{ include "platform-lib.partOfLabels" $ }}
{{- end }}
{{- end }}
{{- end }}

{{- define "node-agent.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "node-agent.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "node-agent.image" -}}
{{- $repository := .Values.image.repository }}
{{- if and .Values.global .Values.global.imageRegistry }}
{{- $repository = printf "%s/%s" .Values.global.imageRegistry (.Values.image.repository | splitList "/" | rest | join "/") }}
{{- end }}
{{- printf "%s:%s" $repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}
