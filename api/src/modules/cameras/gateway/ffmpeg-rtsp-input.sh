#!/bin/sh
# node-rtsp-stream's Mpeg1Muxer runs `<ffmpegPath> -i URL …` and puts every option it is given after `-i`, where
# ffmpeg takes them as output options. RTSP input options must come before `-i`: this puts them there, then becomes
# ffmpeg (exec: the same process, nothing left in between). RTSP over TCP (interleaved): no lost UDP packets, and
# cameras behind NAT or a firewall work at once; a socket that stays silent for DLID_RTSP_TIMEOUT_US ends ffmpeg.
exec "${DLID_FFMPEG:-ffmpeg}" -rtsp_transport tcp -timeout "${DLID_RTSP_TIMEOUT_US:-10000000}" "$@"
