{{/* Labels every platform object carries; call with the chart's root context. */}}
{{- define "platform-lib.partOfLabels" -}}
app.kubernetes.io/part-of: {{ .Values.global.platform.partOf }}
platform.example.com/tier: {{ .Values.global.platform.tier | default "standard" }}
{{- end }}

{{/* Standard metadata block: name, optional namespace, labels. Call with (list $ "name" "namespace"). */}}
{{- define "platform-lib.metadata" -}}
{{- $root := index . 0 -}}
name: {{ index . 1 }}
{{- with index . 2 }}
namespace: {{ . }}
{{- end }}
labels:
  helm.sh/chart: {{ printf "%s-%s" $root.Chart.Name $root.Chart.Version }}
  app.kubernetes.io/managed-by: {{ $root.Release.Service }}
  app.kubernetes.io/instance: {{ $root.Release.Name }}
  environment: {{ $root.Values.global.environment }}
  {{- include "platform-lib.partOfLabels" $root | nindent 2 }}
{{- end }}
