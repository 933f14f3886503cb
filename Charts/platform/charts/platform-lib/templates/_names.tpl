{{/* The namespace the platform's workloads live in. */}}
{{- define "platform-lib.namespace" -}}
{{- .Values.global.platform.namespace | default .Release.Namespace }}
{{- end }}

{{/* An image reference under the global registry, when one is set. */}}
{{- define "platform-lib.image" -}}
{{- $root := index . 0 }}
{{- $image := index . 1 }}
{{- if $root.Values.global.imageRegistry }}
{{- printf "%s/%s" $root.Values.global.imageRegistry $image }}
{{- else }}
{{- $image }}
{{- end }}
{{- end }}
