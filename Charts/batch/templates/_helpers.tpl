{{- define "batch.fullname" -}}
{{- if contains .Chart.Name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{- define "batch.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
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

{{- define "batch.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "batch.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "batch.image" -}}
{{- $image := printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- if and .Values.global .Values.global.imageRegistry }}
{{- $image = printf "%s/%s" .Values.global.imageRegistry (regexReplaceAll "^[^/]+\\.[^/]+/" $image "") }}
{{- end }}
{{- $image }}
{{- end }}

{{/*
Pod spec shared by Jobs and CronJobs. Call with (dict "root" $ "job" $job).
*/}}
{{- define "batch.podSpec" -}}
{{- $root := .root }}
{{- $job := .job }}
{{- $defaults := $root.Values.defaults -}}
serviceAccountName: {{ include "batch.serviceAccountName" $root }}
restartPolicy: {{ $job.restartPolicy | default $defaults.restartPolicy }}
containers:
  - name: {{ $job.name }}
    image: {{ include "batch.image" $root | quote }}
    imagePullPolicy: {{ $root.Values.image.pullPolicy }}
    args:
      {{- toYaml $job.command | nindent 6 }}
    {{- if $root.Values.env }}
    env:
      {{- range $key, $value := $root.Values.env }}
      - name: {{ $key }}
        value: {{ $value | quote }}
      {{- end }}
    {{- end }}
    resources:
      {{- toYaml ($job.resources | default $defaults.resources) | nindent 6 }}
{{- end }}
